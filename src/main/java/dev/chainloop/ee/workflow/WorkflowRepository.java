package dev.chainloop.ee.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Workflows ({@link Workflow} rows). */
@ApplicationScoped
public class WorkflowRepository {
  @PersistenceContext(unitName = "chainloop")
  EntityManager em;

  /**
   * Filters of a listing: {@code projectIds} null = any project; {@code workflowId} non-null = only
   * it.
   */
  record Filter(String orgId, List<String> projectIds, String workflowId) {}

  Optional<Workflow> findLive(String orgId, String id) {
    return Optional.ofNullable(em.find(Workflow.class, id))
        .filter(w -> w.getOrganizationId().equals(orgId) && w.getDeletedAt() == null);
  }

  List<Workflow> liveByName(String orgId, String name) {
    return em.createNamedQuery("Workflow.liveByName", Workflow.class)
        .setParameter("orgId", orgId)
        .setParameter("name", name)
        .getResultList();
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
   * The count and pages of a listing are built per call rather than named: each filter left out
   * must drop its condition, so that the query keeps using the newest-first index.
   */
  long count(Filter filter) {
    TypedQuery<Long> q =
        em.createQuery("SELECT COUNT(w) FROM Workflow w" + where(filter), Long.class);
    return bind(q, filter).getSingleResult();
  }

  /**
   * A page, newest first. {@code deletedAt} (NULL on every row selected) leads the ORDER BY so that
   * it matches the index's column order: PostgreSQL does not treat {@code IS NULL} as an equality
   * when it orders by an index, and otherwise sorted every live row of the organization (first page
   * at 100k rows: 93 ms sequential scan + sort, 0.04 ms index scan with it).
   */
  List<Workflow> page(Filter filter, int offset, int size) {
    TypedQuery<Workflow> q =
        em.createQuery(
            "SELECT w FROM Workflow w"
                + where(filter)
                + " ORDER BY w.deletedAt, w.createdAt DESC, w.id DESC",
            Workflow.class);
    return bind(q, filter).setFirstResult(offset).setMaxResults(size).getResultList();
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

  private static String where(Filter f) {
    StringBuilder sb =
        new StringBuilder(" WHERE w.organizationId = :orgId AND w.deletedAt IS NULL");
    if (f.projectIds() != null) {
      sb.append(f.projectIds().isEmpty() ? " AND 1 = 0" : " AND w.projectId IN :projectIds");
    }
    if (f.workflowId() != null) {
      sb.append(" AND w.id = :workflowId");
    }
    return sb.toString();
  }

  private static <T> TypedQuery<T> bind(TypedQuery<T> q, Filter f) {
    q.setParameter("orgId", f.orgId());
    if (f.projectIds() != null && !f.projectIds().isEmpty()) {
      q.setParameter("projectIds", f.projectIds());
    }
    if (f.workflowId() != null) {
      q.setParameter("workflowId", f.workflowId());
    }
    return q;
  }
}
