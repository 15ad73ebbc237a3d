package dev.chainloop.ee.attestation;

import dev.chainloop.ee.audit.AuditEntry;
import dev.chainloop.ee.audit.AuditService;
import dev.chainloop.ee.contract.ContractRevisionView;
import dev.chainloop.ee.contract.ContractService;
import dev.chainloop.ee.contract.RunnerType;
import dev.chainloop.ee.organization.OrganizationService;
import dev.chainloop.ee.platform.error.ConflictException;
import dev.chainloop.ee.platform.error.ForbiddenOperationException;
import dev.chainloop.ee.platform.error.InvalidInputException;
import dev.chainloop.ee.platform.error.PayloadTooLargeException;
import dev.chainloop.ee.platform.error.PolicyViolationException;
import dev.chainloop.ee.platform.error.UnknownResourceException;
import dev.chainloop.ee.platform.error.Violation;
import dev.chainloop.ee.platform.security.Caller;
import dev.chainloop.ee.platform.security.Permission;
import dev.chainloop.ee.platform.security.SecretBox;
import dev.chainloop.ee.policy.PolicyEvaluation;
import dev.chainloop.ee.project.ProjectVersion;
import dev.chainloop.ee.project.ProjectVersionService;
import dev.chainloop.ee.project.ProjectVersionService.VersionRequest;
import dev.chainloop.ee.project.ProjectVersionView;
import dev.chainloop.ee.run.RunState;
import dev.chainloop.ee.run.WorkflowRun;
import dev.chainloop.ee.run.WorkflowRun.RunVersion;
import dev.chainloop.ee.run.WorkflowRunService;
import dev.chainloop.ee.shared.Sha256;
import dev.chainloop.ee.workflow.Workflow;
import dev.chainloop.ee.workflow.WorkflowResolver;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The attestation lifecycle: init a run, store its signed bundle, cancel it, remote state. */
@Stateless
public class AttestationService {
  /** Remote crafting state cap, as upstream. */
  static final int MAX_STATE_BYTES = 6 * 1024 * 1024;

  @Inject AttestationRepository repository;
  @Inject Caller caller;
  @Inject WorkflowResolver workflows;
  @Inject ContractService contracts;
  @Inject WorkflowRunService runs;
  @Inject SigningAuthority ca;
  @Inject SigstoreTrustedRoot trustedRoot;
  @Inject Event<AttestationStored> stored;
  @Inject PolicyCheck policyCheck;
  @Inject OrganizationService organizations;
  @Inject AuditService audit;
  @Inject ProjectVersionService versions;
  @Inject SecretBox box;

  private final Clock clock = Clock.systemUTC();

  /** A started run; {@code version} is absent when the run has none. */
  public record Initialized(
      WorkflowRun run,
      Workflow workflow,
      ContractRevisionView contract,
      String organization,
      Optional<ProjectVersionView> version) {}

  /** A contract for a workflow that init creates: an existing one's name, or a new one's body. */
  public record NewWorkflowContract(String name, String body) {}

  public record CraftingState(byte[] state, String digest) {}

  /** A stored attestation's digest and what its contract's policies said (empty: none attached). */
  public record Stored(String digest, Optional<PolicyCheck.Outcome> policies, boolean bypassed) {}

  public Initialized init(
      String workflowName,
      String project,
      Integer contractRevision,
      String runnerType,
      String runUrl,
      VersionRequest version,
      NewWorkflowContract newWorkflowContract) {
    caller.require(Permission.RUN_CREATE);
    RunnerType runner = runnerType(runnerType);
    Workflow workflow;
    if (caller.workflowScope().isPresent()) {
      workflow =
          workflows
              .findById(caller.workflowScope().get())
              .orElseThrow(() -> new UnknownResourceException("workflow not found"));
      if (workflowName != null
          && !workflowName.isBlank()
          && !workflowName.equals(workflow.getName())) {
        throw new ForbiddenOperationException(
            "this robot account may only attest workflow \"" + workflow.getName() + "\"");
      }
    } else {
      if (workflowName == null || workflowName.isBlank()) {
        throw new InvalidInputException("workflow", "the workflow name is required");
      }
      String p = project == null || project.isBlank() ? null : project.trim();
      workflow =
          p == null
              ? workflows.resolve(workflowName.trim(), null)
              : workflows.findOrCreate(
                  workflowName.trim(),
                  p,
                  blankToNull(newWorkflowContract.name()),
                  blankToNull(newWorkflowContract.body()));
    }
    if (!caller.canSeeProject(workflow.getProjectId())) {
      throw new UnknownResourceException("workflow \"" + workflow.getName() + "\" not found");
    }
    int revision = contractRevision == null ? 0 : contractRevision;
    if (revision < 0) {
      throw new InvalidInputException("contractRevision", "must be 0 (latest) or more");
    }
    ContractRevisionView contract = contracts.revision(workflow.getContractId(), revision);
    enforceRunner(contract.runnerType(), runner);
    Optional<ProjectVersion> attested =
        versions.forRun(
            workflow.getOrganizationId(),
            workflow.getProjectId(),
            version,
            !version.none() && organizations.current().blocksAttestationsOnReleasedVersions());
    WorkflowRun run =
        runs.start(
            workflow,
            runner,
            blankToNull(runUrl),
            contract,
            new RunVersion(attested.map(ProjectVersion::getId).orElse(null), version.release()));
    return new Initialized(
        run, workflow, contract, caller.organizationName(), attested.map(ProjectVersion::view));
  }

  /**
   * A contract's {@code runner.type} admits only runs reported from that runner, with upstream's
   * wording; a contract without one admits any runner. The check runs before anything is written.
   */
  static void enforceRunner(RunnerType required, RunnerType reported) {
    if (required == null || required == RunnerType.UNSPECIFIED || required == reported) {
      return;
    }
    String got = reported == null ? "none" : reported.wire();
    throw new InvalidInputException(
        "The contract expects the attestation to be crafted in a runner of type \""
            + required.wire()
            + "\" but couldn't be detected. Use --dry-run flag if development",
        List.of(
            new Violation(
                "runnerType",
                "the contract requires runner "
                    + required.wire()
                    + ", the client reported "
                    + got)));
  }

  /** The runner a client reports, upstream's names only; absent when blank. */
  private static RunnerType runnerType(String text) {
    String value = blankToNull(text);
    if (value == null) {
      return null;
    }
    return RunnerType.parse(value)
        .orElseThrow(
            () -> new InvalidInputException("runnerType", "unknown runner type \"" + value + "\""));
  }

  /**
   * Verifies and stores a bundle and marks the run successful, in this one transaction: the digest
   * returned is acknowledged only after the commit. Identical bytes again return the same digest.
   * The contract's policies are evaluated here, authoritatively: blocking violations (a gated
   * policy, or any under the ENFORCED strategy) refuse the push unless {@code bypassPolicyCheck},
   * which is recorded with the run and in the audit log.
   */
  public Stored store(
      String runId, byte[] bundle, boolean bypassPolicyCheck, String signerPublicKey) {
    caller.require(Permission.RUN_CREATE);
    WorkflowRun run = runs.lock(runId);
    String digest = Sha256.prefixed(bundle);
    if (run.getState() == RunState.SUCCESS) {
      if (digest.equals(run.getAttestationDigest())) {
        return new Stored(digest, Optional.empty(), false);
      }
      throw new ConflictException("workflow run " + runId + " already has an attestation");
    }
    if (run.isFinished()) {
      throw new ConflictException("workflow run " + runId + " is " + run.getState().db());
    }
    byte[] signerKey = signerKey(signerPublicKey);
    VerifiedStatement statement =
        BundleVerifier.verify(bundle, trustedRoot.trust(), null, signerKey);
    if (!run.getId().equals(statement.workflowRunId())) {
      throw new InvalidInputException(
          "invalid attestation bundle: the statement is for another workflow run");
    }
    for (var m : statement.materials()) {
      if ("ATTESTATION".equals(m.materialType())
          && !repository.existsInOrganization(caller.organizationId(), m.digest())) {
        throw new InvalidInputException(
            "material "
                + m.name()
                + " references attestation "
                + m.digest()
                + ", which is not stored in this organization");
      }
    }
    if (run.getContractId() != null) {
      RequiredAnnotations.check(
          contracts.annotationsOf(run.getContractId(), run.getContractRevisionUsed()),
          () -> PolicyCheck.statementOf(bundle));
    }
    List<ContractRevisionView.PolicyAttachment> attached =
        run.getContractId() == null
            ? List.of()
            : contracts.policiesOf(run.getContractId(), run.getContractRevisionUsed());
    boolean enforced = organizations.current().blocksOnPolicyViolation();
    Optional<PolicyCheck.Outcome> outcome =
        attached.isEmpty()
            ? Optional.empty()
            : Optional.of(
                policyCheck.evaluate(attached, PolicyCheck.statementOf(bundle), enforced));
    boolean bypassed = outcome.map(PolicyCheck.Outcome::blocking).orElse(false);
    if (bypassed && !bypassPolicyCheck) {
      List<String> blocking = outcome.get().blockingViolations();
      throw new PolicyViolationException(
          "the attestation violates "
              + (enforced ? "policies (strategy ENFORCED)" : "gated policies")
              + ": "
              + String.join("; ", blocking)
              + " (--exception-bypass-policy-check pushes it anyway, recorded in the audit log)",
          blocking.stream().map(v -> new Violation("policies", v)).toList());
    }
    acceptVersion(run);
    Instant now = clock.instant();
    Attestation attestation = new Attestation(run, digest, bundle, signerPublicKey, now);
    repository.save(attestation);
    for (var s : statement.subjects()) {
      repository.save(AttestationReference.subject(attestation, s));
    }
    for (var m : statement.materials()) {
      repository.save(AttestationReference.material(attestation, m));
    }
    if (!runs.finish(run.getId(), RunState.SUCCESS, digest, null, now)) {
      throw new ConflictException("workflow run " + runId + " has already ended");
    }
    if (outcome.isPresent()) {
      runs.recordPolicies(
          run.getId(),
          outcome.get().status(bypassed),
          PolicyCheck.toJson(outcome.get(), enforced, bypassed));
    }
    if (bypassed) {
      audit.record(
          AuditEntry.of("attestation.policy_check_bypassed")
              .in(caller.organizationId())
              .by(caller.actor())
              .on("workflow_run", run.getId())
              .detail(
                  "digest="
                      + digest
                      + " violations="
                      + String.join("; ", outcome.get().blockingViolations())));
    }
    Optional<Workflow> workflow = workflows.findById(run.getWorkflowId());
    stored.fire(
        new AttestationStored(
            run.getOrganizationId(),
            caller.organizationName(),
            digest,
            run.getId(),
            run.getWorkflowId(),
            workflow.map(Workflow::getName).orElse(""),
            workflow.map(Workflow::getProjectName).orElse(""),
            versions.view(run.getVersionId()).map(ProjectVersionView::version).orElse(""),
            outcome.map(o -> o.status(bypassed).db()).orElse(""),
            PolicyCheck.statementOf(bundle)));
    return new Stored(digest, outcome, bypassed);
  }

  /**
   * The push of a run with a version: refused if the version was released since init and the
   * organization blocks released versions; releases it if the run was initialized with release.
   */
  private void acceptVersion(WorkflowRun run) {
    if (run.getVersionId() != null) {
      versions.acceptPush(
          run.getVersionId(),
          run.releasesVersion(),
          organizations.current().blocksAttestationsOnReleasedVersions());
    }
  }

  /**
   * The contract's material policies on one material of an open run ({@code material} is the
   * descriptor the statement will carry), for {@code attestation add}'s early feedback. Nothing is
   * recorded: the push evaluates again, authoritatively.
   */
  public List<PolicyEvaluation> evaluateMaterial(String runId, JsonObject material) {
    caller.require(Permission.RUN_CREATE);
    WorkflowRun run = runs.get(runId);
    if (run.isFinished()) {
      throw new ConflictException("workflow run " + runId + " is " + run.getState().db());
    }
    if (!(material.get("annotations") instanceof JsonObject ann)
        || !(ann.get("chainloop.material.type") instanceof JsonString)) {
      throw new InvalidInputException(
          "material.annotations", "the material's chainloop.material.type is required");
    }
    List<ContractRevisionView.PolicyAttachment> attached =
        run.getContractId() == null
            ? List.of()
            : contracts.policiesOf(run.getContractId(), run.getContractRevisionUsed());
    return attached.isEmpty() ? List.of() : policyCheck.evaluateMaterial(attached, material);
  }

  public void cancel(String runId, String trigger, String reason) {
    caller.require(Permission.RUN_UPDATE);
    RunState outcome =
        switch (trigger == null ? "failure" : trigger.trim().toLowerCase(Locale.ROOT)) {
          case "failure", "trigger_type_failure" -> RunState.ERROR;
          case "cancellation", "trigger_type_cancellation" -> RunState.CANCELED;
          default -> throw new InvalidInputException("trigger", "must be failure or cancellation");
        };
    WorkflowRun run = runs.lock(runId);
    if (run.isFinished()) {
      throw new ConflictException("workflow run " + runId + " is already " + run.getState().db());
    }
    if (!runs.finish(run.getId(), outcome, null, blankToNull(reason), clock.instant())) {
      throw new ConflictException("workflow run " + runId + " has already ended");
    }
  }

  public CraftingState readState(String runId) {
    caller.require(Permission.RUN_READ);
    WorkflowRun run = runs.get(runId);
    byte[] stored = run.getCraftingState();
    // Sealed since it is encrypted at rest; state saved before that is plain JSON.
    byte[] state =
        SecretBox.isSealed(stored) ? box.openBytes(stateContext(run.getId()), stored) : stored;
    return new CraftingState(state, run.getCraftingStateDigest());
  }

  /**
   * Saves remote state if {@code baseDigest} is the current one (empty/null for the first save).
   */
  public String saveState(String runId, byte[] state, String baseDigest) {
    caller.require(Permission.RUN_UPDATE);
    if (state.length > MAX_STATE_BYTES) {
      throw new PayloadTooLargeException(
          "the attestation state is over " + MAX_STATE_BYTES + " bytes");
    }
    WorkflowRun run = runs.get(runId);
    if (run.isFinished()) {
      throw new ConflictException("workflow run " + runId + " is " + run.getState().db());
    }
    String base = blankToNull(baseDigest == null ? null : baseDigest.replace("\"", ""));
    String digest = Sha256.prefixed(state);
    if (!runs.saveState(
        run.getId(), box.sealBytes(stateContext(run.getId()), state), digest, base)) {
      throw new ConflictException("the attestation state changed since it was read: read it again");
    }
    return digest;
  }

  /** The state is bound to its run: copied onto another run's row, it does not decrypt. */
  private static String stateContext(String runId) {
    return "workflow_run.crafting_state:" + runId;
  }

  /**
   * What the caller's attestations say about {@code digest}, or, for an attestation, what it names.
   */
  public List<AttestationReference> referencesTo(String digest) {
    return repository.referencesTo(caller.organizationId(), digest);
  }

  /** What the caller's attestation {@code attestationDigest} names. */
  public List<AttestationReference> referencesOf(String attestationDigest) {
    return repository.referencesOf(caller.organizationId(), attestationDigest);
  }

  public String signingCertificate(String csr, String publicKey) {
    caller.require(Permission.RUN_CREATE);
    return ca.issue(csr, publicKey, caller.actor(), caller.organizationName());
  }

  public String trustedRoot() {
    return ca.certificatePem();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  /** The base64 DER SPKI a key-signed bundle comes with; null when none was given. */
  private static byte[] signerKey(String base64) {
    if (base64 == null || base64.isBlank()) {
      return null;
    }
    try {
      return Base64.getDecoder().decode(base64.trim());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("publicKey", "is not base64 (the signer's DER public key)");
    }
  }
}
