package dev.chainloop.ee.run;

import dev.chainloop.ee.contract.ContractRevisionView;
import dev.chainloop.ee.contract.RunnerType;
import dev.chainloop.ee.platform.error.InvalidInputException;
import dev.chainloop.ee.platform.error.UnknownResourceException;
import dev.chainloop.ee.platform.persistence.Ids;
import dev.chainloop.ee.platform.persistence.KeysetCursor;
import dev.chainloop.ee.platform.security.Caller;
import dev.chainloop.ee.platform.security.Permission;
import dev.chainloop.ee.project.ProjectVersionService;
import dev.chainloop.ee.run.RunAttestations.StoredAttestation;
import dev.chainloop.ee.run.WorkflowRun.RunVersion;
import dev.chainloop.ee.workflow.RunSummary;
import dev.chainloop.ee.workflow.Workflow;
import dev.chainloop.ee.workflow.WorkflowResolver;
import dev.chainloop.ee.workflow.WorkflowService;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Workflow runs of the caller's organization: creation, lookups, listing and expiry. */
@Stateless
public class WorkflowRunService {
  public static final int MAX_LIMIT = 100;

  @Inject WorkflowRunRepository repository;
  @Inject Caller caller;
  @Inject WorkflowResolver workflows;
  @Inject WorkflowService workflowService;
  @Inject RunAttestations attestations;
  @Inject ProjectVersionService versions;

  private final Clock clock = Clock.systemUTC();

  /** One page of runs, newest first; {@code nextCursor} is null on the last page. */
  public record RunPage(List<RunView> items, String nextCursor) {}

  /** A run with its attestation, if one was pushed. */
  public record RunWithAttestation(
      RunView run, Optional<StoredAttestation> attestation, PolicyResults policies) {}

  /** Starts a run of {@code workflow} and makes it the workflow's latest run. */
  public WorkflowRun start(
      Workflow workflow,
      RunnerType runnerType,
      String runUrl,
      ContractRevisionView contract,
      RunVersion version) {
    // Millisecond precision keeps the keyset cursor exact on every database.
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    WorkflowRun run = WorkflowRun.start(workflow, runnerType, runUrl, contract, version, now);
    caller.ci().ifPresent(run::recordCiIdentity);
    repository.save(run);
    workflowService.recordRun(workflow.getId(), run.getId());
    return run;
  }

  /** The caller's run, locked until the transaction ends (state changes). */
  public WorkflowRun lock(String id) {
    return repository.lock(get(id));
  }

  /**
   * Ends an initialized run, once: a conditional UPDATE, so that of two concurrent finishers (on
   * any nodes) exactly one wins. Returns false if the run had already ended.
   */
  public boolean finish(String id, RunState outcome, String digest, String reason, Instant now) {
    return repository.finish(id, outcome, digest, reason, now);
  }

  /**
   * Replaces the remote crafting state of an initialized run if its digest is still {@code
   * baseDigest} (null: no state saved yet). A conditional UPDATE, so of two writers that read the
   * same state exactly one wins. Returns false if the state changed or the run ended.
   */
  /** Records the policy results of a run being finished in the caller's transaction. */
  public void recordPolicies(String id, PolicyStatus status, String results) {
    repository.recordPolicies(id, status, results);
  }

  public boolean saveState(String id, byte[] state, String digest, String baseDigest) {
    return repository.saveState(id, state, digest, baseDigest);
  }

  /** The caller's run, or 404 (also for other organizations' runs and out-of-scope ones). */
  public WorkflowRun get(String id) {
    return Ids.parse(id)
        .flatMap(repository::find)
        .filter(this::visible)
        .orElseThrow(() -> new UnknownResourceException("workflow run " + id + " not found"));
  }

  /** The caller's run whose attestation has this digest. */
  public Optional<WorkflowRun> findByDigest(String digest) {
    return repository.byDigest(caller.organizationId(), digest).stream()
        .filter(this::visible)
        .findFirst();
  }

  /**
   * A run, by its id or else by its attestation's digest, with its attestation (if pushed),
   * optionally re-verified.
   */
  public RunWithAttestation details(String runIdOrNull, String digestOrNull, boolean verify) {
    caller.require(Permission.RUN_READ);
    WorkflowRun run =
        runIdOrNull != null
            ? get(runIdOrNull)
            : findByDigest(digestOrNull)
                .orElseThrow(
                    () ->
                        new UnknownResourceException("attestation " + digestOrNull + " not found"));
    return new RunWithAttestation(
        view(run), attestations.of(run.getId(), verify), policyResults(run));
  }

  private boolean visible(WorkflowRun run) {
    return run.getOrganizationId().equals(caller.organizationId())
        && caller.canSeeProject(run.getProjectId())
        && caller.workflowScope().map(w -> w.equals(run.getWorkflowId())).orElse(true);
  }

  public RunPage list(
      String workflow,
      String project,
      String version,
      String status,
      String policyStatus,
      Integer limit,
      String next) {
    caller.require(Permission.RUN_LIST);
    int size = limit == null ? 20 : limit;
    if (size < 1 || size > MAX_LIMIT) {
      throw new InvalidInputException("limit", "must be between 1 and " + MAX_LIMIT);
    }
    String versionId = null;
    if (blankToNull(version) != null) {
      // A version name is unique only within a project.
      if (blankToNull(project) == null) {
        throw new InvalidInputException("project", "is required when version is set");
      }
      versionId = versions.get(project.trim(), version.trim()).getId();
    }
    String workflowId =
        workflow != null && !workflow.isBlank()
            ? workflows.resolve(workflow.trim(), blankToNull(project)).getId()
            : null;
    WorkflowRunRepository.Filter filter =
        new WorkflowRunRepository.Filter(
            caller.organizationId(),
            workflowId,
            blankToNull(project),
            caller.projectScope().orElse(null),
            caller.workflowScope().orElse(null),
            versionId,
            status != null && !status.isBlank() ? RunState.parse(status) : null,
            policyStatus(policyStatus),
            next != null && !next.isBlank() ? KeysetCursor.decode(next) : null);
    List<WorkflowRun> rows = new ArrayList<>(repository.page(filter, size + 1));
    String nextCursor = null;
    if (rows.size() > size) {
      rows = rows.subList(0, size);
      WorkflowRun last = rows.get(size - 1);
      nextCursor = new KeysetCursor(last.getCreatedAt(), last.getId()).encode();
    }
    return new RunPage(rows.stream().map(this::view).toList(), nextCursor);
  }

  /** {@code --policy-status}: all (or absent) for no filter, else passed, failed or bypassed. */
  private static PolicyStatus policyStatus(String text) {
    if (text == null || text.isBlank() || text.trim().equalsIgnoreCase("all")) {
      return null;
    }
    return PolicyStatus.parse(text)
        .orElseThrow(
            () ->
                new InvalidInputException(
                    "policyStatus", "must be all, passed, failed or bypassed"));
  }

  /** The policy results of a run, absent when its contract attaches no policy. */
  public PolicyResults policyResults(WorkflowRun run) {
    return PolicyResults.fromJson(run.getPolicyResults());
  }

  /** State, runner and start of the given runs (one query, for workflow listings), by id. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Map<String, RunSummary> briefs(Collection<String> runIds) {
    Map<String, RunSummary> out = new HashMap<>();
    if (runIds.isEmpty()) {
      return out;
    }
    for (WorkflowRunRepository.Brief brief : repository.briefs(caller.organizationId(), runIds)) {
      if (caller.canSeeProject(brief.projectId())) {
        out.put(
            brief.id(),
            new RunSummary(
                brief.id(),
                brief.state().db(),
                brief.runnerType() == null ? null : brief.runnerType().wire(),
                brief.createdAt()));
      }
    }
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
        r.getRunnerType() == null ? null : r.getRunnerType().wire(),
        r.getRunUrl(),
        r.getContractRevisionUsed(),
        r.getContractRevisionLatest(),
        versions.view(r.getVersionId()).orElse(null),
        r.getCreatedAt(),
        r.getFinishedAt(),
        r.getAttestationDigest(),
        r.getPolicyStatus() == null ? null : r.getPolicyStatus().db(),
        r.ciIdentity().map(RunView.CiJob::of).orElse(null));
  }

  /**
   * Marks runs still initialized and created before {@code cutoff} as expired. A single conditional
   * UPDATE, so several nodes sweeping at once expire each run once.
   */
  public int expireOlderThan(Instant cutoff, Instant now) {
    return repository.expire(cutoff, now, "not finished in time");
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
