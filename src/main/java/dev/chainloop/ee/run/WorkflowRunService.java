package dev.chainloop.ee.run;

import dev.chainloop.ee.contract.ContractRevisionView;
import dev.chainloop.ee.platform.error.InvalidInputException;
import dev.chainloop.ee.platform.error.UnknownResourceException;
import dev.chainloop.ee.platform.persistence.Ids;
import dev.chainloop.ee.platform.security.Caller;
import dev.chainloop.ee.platform.security.Permission;
import dev.chainloop.ee.workflow.Workflow;
import dev.chainloop.ee.workflow.WorkflowService;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Workflow runs of the caller's organization: creation, lookups, listing and expiry. */
@Stateless
public class WorkflowRunService {
  public static final int MAX_LIMIT = 100;

  @PersistenceContext(unitName = "chainloop")
  EntityManager em;

  @Inject Caller caller;
  @Inject WorkflowService workflows;

  private final Clock clock = Clock.systemUTC();

  /** One page of runs, newest first; {@code nextCursor} is null on the last page. */
  public record RunPage(List<RunView> items, String nextCursor) {}

  /** Starts a run of {@code workflow} and makes it the workflow's latest run. */
  public WorkflowRun start(
      Workflow workflow, String runnerType, String runUrl, ContractRevisionView contract) {
    // Millisecond precision keeps the keyset cursor exact on every database.
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    WorkflowRun run =
        new WorkflowRun(
            Ids.newId(),
            caller.organizationId(),
            workflow.getId(),
            workflow.getProjectId(),
            runnerType,
            runUrl,
            contract.contractId(),
            contract.revision(),
            contract.latestRevision(),
            now);
    em.persist(run);
    workflows.recordRun(workflow.getId(), run.getId());
    return run;
  }

  /** The caller's run, locked until the transaction ends (state changes). */
  public WorkflowRun lock(String id) {
    WorkflowRun run = get(id);
    em.lock(run, LockModeType.PESSIMISTIC_WRITE);
    em.refresh(run);
    return run;
  }

  /**
   * Ends an initialized run, once: a conditional UPDATE, so that of two concurrent finishers (on
   * any nodes) exactly one wins. Returns false if the run had already ended.
   */
  public boolean finish(String id, RunState outcome, String digest, String reason, Instant now) {
    int updated =
        em.createQuery(
                "UPDATE WorkflowRun r SET r.state = :state, r.attestationDigest = :digest,"
                    + " r.reason = :reason, r.finishedAt = :now, r.craftingState = NULL,"
                    + " r.craftingStateDigest = NULL, r.version = r.version + 1"
                    + " WHERE r.id = :id AND r.state = :initialized")
            .setParameter("state", outcome.db())
            .setParameter("digest", digest)
            .setParameter("reason", reason)
            .setParameter("now", now)
            .setParameter("id", id)
            .setParameter("initialized", RunState.INITIALIZED.db())
            .executeUpdate();
    return updated == 1;
  }

  /**
   * Replaces the remote crafting state of an initialized run if its digest is still {@code
   * baseDigest} (null: no state saved yet). A conditional UPDATE, so of two writers that read the
   * same state exactly one wins. Returns false if the state changed or the run ended.
   */
  public boolean saveState(String id, byte[] state, String digest, String baseDigest) {
    String guard =
        baseDigest == null ? "r.craftingStateDigest IS NULL" : "r.craftingStateDigest = :base";
    var update =
        em.createQuery(
                "UPDATE WorkflowRun r SET r.craftingState = :state, r.craftingStateDigest = :digest,"
                    + " r.version = r.version + 1"
                    + " WHERE r.id = :id AND r.state = :initialized AND "
                    + guard)
            .setParameter("state", state)
            .setParameter("digest", digest)
            .setParameter("id", id)
            .setParameter("initialized", RunState.INITIALIZED.db());
    if (baseDigest != null) {
      update.setParameter("base", baseDigest);
    }
    return update.executeUpdate() == 1;
  }

  /** The caller's run, or 404 (also for other organizations' runs and out-of-scope ones). */
  public WorkflowRun get(String id) {
    return Ids.parse(id)
        .map(i -> em.find(WorkflowRun.class, i))
        .filter(this::visible)
        .orElseThrow(() -> new UnknownResourceException("workflow run " + id + " not found"));
  }

  public Optional<WorkflowRun> findByDigest(String digest) {
    return em.createQuery(
            "SELECT r FROM WorkflowRun r WHERE r.organizationId = :org AND r.attestationDigest = :d",
            WorkflowRun.class)
        .setParameter("org", caller.organizationId())
        .setParameter("d", digest)
        .getResultStream()
        .filter(this::visible)
        .findFirst();
  }

  private boolean visible(WorkflowRun run) {
    return run.getOrganizationId().equals(caller.organizationId())
        && caller.canSeeProject(run.getProjectId())
        && caller.workflowScope().map(w -> w.equals(run.getWorkflowId())).orElse(true);
  }

  public RunView describe(String id) {
    caller.require(Permission.RUN_READ);
    return view(get(id));
  }

  public RunPage list(String workflow, String project, String status, Integer limit, String next) {
    caller.require(Permission.RUN_LIST);
    int size = limit == null ? 20 : limit;
    if (size < 1 || size > MAX_LIMIT) {
      throw new InvalidInputException("limit", "must be between 1 and " + MAX_LIMIT);
    }
    StringBuilder jpql =
        new StringBuilder("SELECT r FROM WorkflowRun r WHERE r.organizationId = :org");
    Map<String, Object> params = new HashMap<>();
    params.put("org", caller.organizationId());
    if (workflow != null && !workflow.isBlank()) {
      jpql.append(" AND r.workflowId = :wf");
      params.put("wf", workflows.resolve(workflow.trim(), blankToNull(project)).getId());
    } else if (project != null && !project.isBlank()) {
      jpql.append(
          " AND r.projectId IN (SELECT w.projectId FROM Workflow w WHERE w.organizationId = :org"
              + " AND w.projectName = :project)");
      params.put("project", project.trim());
    }
    caller
        .projectScope()
        .ifPresent(
            p -> {
              jpql.append(" AND r.projectId = :scopeProject");
              params.put("scopeProject", p);
            });
    caller
        .workflowScope()
        .ifPresent(
            w -> {
              jpql.append(" AND r.workflowId = :scopeWorkflow");
              params.put("scopeWorkflow", w);
            });
    if (status != null && !status.isBlank()) {
      jpql.append(" AND r.state = :state");
      params.put("state", RunState.parse(status).db());
    }
    if (next != null && !next.isBlank()) {
      Cursor c = Cursor.decode(next);
      jpql.append(" AND (r.createdAt < :cAt OR (r.createdAt = :cAt AND r.id < :cId))");
      params.put("cAt", c.createdAt());
      params.put("cId", c.id());
    }
    jpql.append(" ORDER BY r.createdAt DESC, r.id DESC");
    var query = em.createQuery(jpql.toString(), WorkflowRun.class).setMaxResults(size + 1);
    params.forEach(query::setParameter);
    List<WorkflowRun> rows = new ArrayList<>(query.getResultList());
    String nextCursor = null;
    if (rows.size() > size) {
      rows = rows.subList(0, size);
      WorkflowRun last = rows.get(size - 1);
      nextCursor = new Cursor(last.getCreatedAt(), last.getId()).encode();
    }
    return new RunPage(rows.stream().map(this::view).toList(), nextCursor);
  }

  /** State, runner and start of the given runs (one query, for workflow listings), by id. */
  public Map<String, dev.chainloop.ee.workflow.RunSummary> briefs(Collection<String> runIds) {
    Map<String, dev.chainloop.ee.workflow.RunSummary> out = new HashMap<>();
    if (runIds.isEmpty()) {
      return out;
    }
    em
        .createQuery(
            "SELECT r.id, r.state, r.runnerType, r.createdAt, r.projectId FROM WorkflowRun r"
                + " WHERE r.organizationId = :org AND r.id IN :ids",
            Object[].class)
        .setParameter("org", caller.organizationId())
        .setParameter("ids", List.copyOf(runIds))
        .getResultList()
        .stream()
        .filter(row -> caller.canSeeProject((String) row[4]))
        .forEach(
            row ->
                out.put(
                    (String) row[0],
                    new dev.chainloop.ee.workflow.RunSummary(
                        (String) row[0], (String) row[1], (String) row[2], (Instant) row[3])));
    return out;
  }

  public RunView view(WorkflowRun r) {
    RunView.WorkflowRef wf =
        workflows
            .findById(r.getWorkflowId())
            .map(
                w ->
                    new RunView.WorkflowRef(
                        w.getId(), w.getName(), w.getProjectName(), w.getTeam()))
            .orElse(new RunView.WorkflowRef(r.getWorkflowId(), null, null, null));
    return new RunView(
        r.getId(),
        r.getState().db(),
        r.getState().status(),
        r.getReason(),
        wf,
        r.getRunnerType(),
        r.getRunUrl(),
        r.getContractRevisionUsed(),
        r.getContractRevisionLatest(),
        r.getCreatedAt(),
        r.getFinishedAt(),
        r.getAttestationDigest());
  }

  /**
   * Marks runs still initialized and created before {@code cutoff} as expired. A single conditional
   * UPDATE, so several nodes sweeping at once expire each run once.
   */
  public int expireOlderThan(Instant cutoff, Instant now) {
    return em.createQuery(
            "UPDATE WorkflowRun r SET r.state = :expired, r.finishedAt = :now,"
                + " r.reason = :reason, r.craftingState = NULL, r.craftingStateDigest = NULL,"
                + " r.version = r.version + 1"
                + " WHERE r.state = :initialized AND r.createdAt < :cutoff")
        .setParameter("expired", RunState.EXPIRED.db())
        .setParameter("initialized", RunState.INITIALIZED.db())
        .setParameter("now", now)
        .setParameter("reason", "not finished in time")
        .setParameter("cutoff", cutoff)
        .executeUpdate();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  /** Keyset position: the last row's (createdAt, id), opaque to clients. */
  record Cursor(Instant createdAt, String id) {
    String encode() {
      String raw = createdAt.toEpochMilli() + "|" + id;
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static Cursor decode(String text) {
      try {
        String raw = new String(Base64.getUrlDecoder().decode(text.trim()), StandardCharsets.UTF_8);
        int bar = raw.indexOf('|');
        Instant at = Instant.ofEpochMilli(Long.parseLong(raw.substring(0, bar)));
        String id = Ids.parse(raw.substring(bar + 1)).orElseThrow();
        return new Cursor(at, id);
      } catch (RuntimeException e) {
        throw new InvalidInputException("next", "invalid cursor");
      }
    }
  }
}
