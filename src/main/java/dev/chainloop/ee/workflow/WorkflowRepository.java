package dev.chainloop.ee.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Workflows ({@link Workflow} rows). */
@ApplicationScoped
public class WorkflowRepository {
  @PersistenceContext(unitName = "chainloop")
  EntityManager em;

  Optional<Workflow> findLive(String orgId, String id) {
    return Optional.ofNullable(em.find(Workflow.class, id))
        .filter(w -> w.getOrganizationId().equals(orgId) && w.getDeletedAt() == null);
  }

  /**
   * The live workflows of that name, one per project, by project name. Sorted here, not in SQL: the
   * few rows come from the (organization, name) index, and a Derby sort, however small, looks up
   * four localized messages for its statistics, each a MissingResourceException thrown and caught
   * inside Derby (~2 % of an attestation's CPU).
   */
  List<Workflow> liveByName(String orgId, String name) {
    List<Workflow> found =
        new ArrayList<>(
            em.createNamedQuery("Workflow.liveByName", Workflow.class)
                .setParameter("orgId", orgId)
                .setParameter("name", name)
                .getResultList());
    found.sort(Comparator.comparing(Workflow::getProjectName));
    return found;
  }

  boolean liveKeyTaken(String key) {
    return em.createNamedQuery("Workflow.liveKeyTaken", Long.class)
            .setParameter("key", key)
            .getSingleResult()
        > 0;
  }

  void save(Workflow workflow) {
    em.persist(workflow);
    em.flush();
  }

  /**
   * A page of the organization's live workflows, or of one project's ({@code projectIdOrNull}),
   * newest first (see the named queries on {@link Workflow}).
   */
  List<Workflow> page(String orgId, String projectIdOrNull, int offset, int size) {
    TypedQuery<Workflow> q =
        projectIdOrNull == null
            ? em.createNamedQuery("Workflow.pageOfOrganization", Workflow.class)
            : em.createNamedQuery("Workflow.pageOfProject", Workflow.class)
                .setParameter("projectId", projectIdOrNull);
    return q.setParameter("orgId", orgId)
        .setFirstResult(offset)
        .setMaxResults(size)
        .getResultList();
  }

  List<Workflow> usingContracts(String orgId, Collection<String> contractIds) {
    if (contractIds.isEmpty()) {
      return List.of();
    }
    return em.createNamedQuery("Workflow.liveUsingContracts", Workflow.class)
        .setParameter("orgId", orgId)
        .setParameter("contractIds", contractIds)
        .getResultList();
  }

  Map<String, Long> countByProject(String orgId) {
    Map<String, Long> counts = new HashMap<>();
    for (Object[] row :
        em.createNamedQuery("Workflow.countLiveByProject", Object[].class)
            .setParameter("orgId", orgId)
            .getResultList()) {
      counts.put((String) row[0], ((Number) row[1]).longValue());
    }
    return counts;
  }

  /** One statement, so concurrent runs of a workflow never lose a count. */
  boolean recordRun(String orgId, String workflowId, String runId, Instant now) {
    return em.createNamedQuery("Workflow.recordRun")
            .setParameter("runId", runId)
            .setParameter("now", now)
            .setParameter("id", workflowId)
            .setParameter("orgId", orgId)
            .executeUpdate()
        == 1;
  }
}
