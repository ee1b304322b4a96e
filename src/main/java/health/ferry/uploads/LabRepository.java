package health.ferry.uploads;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;

/** Proposed lab results and their fields. */
@ApplicationScoped
class LabRepository implements PanacheRepositoryBase<LabProposalRow, UUID> {
    @Inject
    EntityManager em;

    List<LabProposalRow> findByDocument(UUID documentId) {
        return list("documentId = ?1 order by position", documentId);
    }

    long countByDocument(UUID documentId) {
        return count("documentId = ?1", documentId);
    }

    List<LabFieldRow> fields(List<UUID> proposalIds) {
        if (proposalIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("from LabFieldRow where proposalId in ?1", LabFieldRow.class)
                .setParameter(1, proposalIds).getResultList();
    }

    void persist(LabFieldRow field) {
        em.persist(field);
    }
}
