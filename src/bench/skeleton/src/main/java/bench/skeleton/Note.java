package bench.skeleton;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Entity;

/** The skeleton's one entity. */
@Entity
public class Note extends PanacheEntity {
    public String text;
}
