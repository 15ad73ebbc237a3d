package dev.chainloop.ee.run;

import dev.chainloop.ee.contract.RunnerType;
import dev.chainloop.ee.platform.persistence.KeysetCursor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Workflow runs ({@link WorkflowRun} rows). */
@ApplicationScoped
public class WorkflowRunRepository {
  @PersistenceContext(unitName = "chainloop")
  EntityManager em;

  /**
   * What a listing selects in an organization; null parts select everything. {@code projectName}
   * matches runs of workflows of that project; {@code scopeProjectId} and {@code scopeWorkflowId}
   * are the credential's confinement; {@code versionId} the project version; {@code after} is the
   * keyset position of the previous page.
   */
  record Filter(
      String organizationId,
      String workflowId,
      String projectName,
      String scopeProjectId,
      String scopeWorkflowId,
      String versionId,
      RunState state,
      PolicyStatus policyStatus,
      KeysetCursor after) {}

  /** What workflow listings show of a run, read without loading its crafting state. */
  record Brief(
      String id, RunState state, RunnerType runnerType, Instant createdAt, String projectId) {}

  void save(WorkflowRun run) {
    em.persist(run);
  }

  Optional<WorkflowRun> find(String id) {
    return Optional.ofNullable(em.find(WorkflowRun.class, id));
  }

  /** Locks the row until the transaction ends, and reads it again. */
  WorkflowRun lock(WorkflowRun run) {
    em.lock(run, LockModeType.PESSIMISTIC_WRITE);
    em.refresh(run);
    return run;
  }

  List<WorkflowRun> byDigest(String orgId, String digest) {
    return em.createNamedQuery("WorkflowRun.byDigest", WorkflowRun.class)
        .setParameter("org", orgId)
        .setParameter("d", digest)
        .getResultList();
  }

  List<Brief> briefs(String orgId, Collection<String> runIds) {
    List<Brief> out = new ArrayList<>();
    for (Object[] row :
        em.createNamedQuery("WorkflowRun.briefs", Object[].class)
            .setParameter("org", orgId)
            .setParameter("ids", List.copyOf(runIds))
            .getResultList()) {
      out.add(
          new Brief(
              (String) row[0],
              (RunState) row[1],
              (RunnerType) row[2],
              (Instant) row[3],
              (String) row[4]));
    }
    return out;
  }

  /** Ends an initialized run; true if this call did (exactly once across nodes). */
  boolean finish(String id, RunState outcome, String digest, String reason, Instant now) {
    return em.createNamedQuery("WorkflowRun.finish")
            .setParameter("state", outcome)
            .setParameter("digest", digest)
            .setParameter("reason", reason)
            .setParameter("now", now)
            .setParameter("id", id)
            .setParameter("initialized", RunState.INITIALIZED)
            .executeUpdate()
        == 1;
  }

  void recordPolicies(String id, PolicyStatus status, String results) {
    em.createNamedQuery("WorkflowRun.recordPolicies")
        .setParameter("status", status)
        .setParameter("results", results)
        .setParameter("id", id)
        .executeUpdate();
  }

  /**
   * Replaces the crafting state of an initialized run if its digest is still {@code baseDigest}
   * (null: none saved yet); true if this call did.
   */
  boolean saveState(String id, byte[] state, String digest, String baseDigest) {
    Query update =
        em.createNamedQuery(
                baseDigest == null ? "WorkflowRun.saveFirstState" : "WorkflowRun.replaceState")
            .setParameter("state", state)
            .setParameter("digest", digest)
            .setParameter("id", id)
            .setParameter("initialized", RunState.INITIALIZED);
    if (baseDigest != null) {
      update.setParameter("base", baseDigest);
    }
    return update.executeUpdate() == 1;
  }

  /** Expires runs still initialized and created before {@code cutoff}; answers how many. */
  int expire(Instant cutoff, Instant now, String reason) {
    return em.createNamedQuery("WorkflowRun.expire")
        .setParameter("expired", RunState.EXPIRED)
        .setParameter("initialized", RunState.INITIALIZED)
        .setParameter("now", now)
        .setParameter("reason", reason)
        .setParameter("cutoff", cutoff)
        .executeUpdate();
  }

  /**
   * Up to {@code limit} runs matching {@code filter}, newest first. Built per call rather than
   * named: each filter left out must drop its condition, so that the query keeps using the
   * newest-first index.
   */
  List<WorkflowRun> page(Filter filter, int limit) {
    StringBuilder jpql =
        new StringBuilder("SELECT r FROM WorkflowRun r WHERE r.organizationId = :org");
    Map<String, Object> params = new HashMap<>();
    params.put("org", filter.organizationId());
    if (filter.workflowId() != null) {
      jpql.append(" AND r.workflowId = :wf");
      params.put("wf", filter.workflowId());
    } else if (filter.projectName() != null) {
      jpql.append(
          " AND r.projectId IN (SELECT w.projectId FROM Workflow w WHERE w.organizationId = :org"
              + " AND w.projectName = :project)");
      params.put("project", filter.projectName());
    }
    if (filter.scopeProjectId() != null) {
      jpql.append(" AND r.projectId = :scopeProject");
      params.put("scopeProject", filter.scopeProjectId());
    }
    if (filter.scopeWorkflowId() != null) {
      jpql.append(" AND r.workflowId = :scopeWorkflow");
      params.put("scopeWorkflow", filter.scopeWorkflowId());
    }
    if (filter.versionId() != null) {
      jpql.append(" AND r.versionId = :version");
      params.put("version", filter.versionId());
    }
    if (filter.state() != null) {
      jpql.append(" AND r.state = :state");
      params.put("state", filter.state());
    }
    if (filter.policyStatus() != null) {
      jpql.append(" AND r.policyStatus = :policyStatus");
      params.put("policyStatus", filter.policyStatus());
    }
    if (filter.after() != null) {
      jpql.append(" AND (r.createdAt < :cAt OR (r.createdAt = :cAt AND r.id < :cId))");
      params.put("cAt", filter.after().createdAt());
      params.put("cId", filter.after().id());
    }
    jpql.append(" ORDER BY r.createdAt DESC, r.id DESC");
    TypedQuery<WorkflowRun> query =
        em.createQuery(jpql.toString(), WorkflowRun.class).setMaxResults(limit);
    params.forEach(query::setParameter);
    return query.getResultList();
  }
}
