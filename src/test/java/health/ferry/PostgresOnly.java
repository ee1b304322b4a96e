package health.ferry;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A test class (or method) that needs a PostgreSQL server (its roles, a connection to cut): run with
 * {@code -Dquarkus.test.profile=test,pg}; on the embedded H2 it is skipped before Quarkus starts for it.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@EnabledIfSystemProperty(named = "quarkus.test.profile", matches = "(.*,)?pg(,.*)?",
        disabledReason = "needs PostgreSQL: -Dquarkus.test.profile=test,pg")
public @interface PostgresOnly {
}
