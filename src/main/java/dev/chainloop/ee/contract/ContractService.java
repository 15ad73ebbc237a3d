package dev.chainloop.ee.contract;

import dev.chainloop.ee.audit.AuditEntry;
import dev.chainloop.ee.audit.AuditService;
import dev.chainloop.ee.contract.ContractRevisionView.PolicyAttachment;
import dev.chainloop.ee.contract.ContractRevisionView.PolicyGroupAttachment;
import dev.chainloop.ee.contract.ContractRevisionView.PolicyTarget;
import dev.chainloop.ee.platform.Names;
import dev.chainloop.ee.platform.error.ConflictException;
import dev.chainloop.ee.platform.error.InvalidInputException;
import dev.chainloop.ee.platform.error.UnknownResourceException;
import dev.chainloop.ee.platform.error.Violation;
import dev.chainloop.ee.platform.persistence.PageRequest;
import dev.chainloop.ee.platform.security.Caller;
import dev.chainloop.ee.platform.security.Permission;
import dev.chainloop.ee.policy.InvalidPolicyException;
import dev.chainloop.ee.policy.PolicyGroupDocument;
import dev.chainloop.ee.policy.PolicyInputs;
import dev.chainloop.ee.policy.PolicyRefusals;
import dev.chainloop.ee.policy.PolicyService;
import dev.chainloop.ee.project.Project;
import dev.chainloop.ee.project.ProjectService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Workflow contracts and their revisions, scoped to the caller's organization. A contract scoped to
 * a project is invisible to credentials confined to another project.
 */
@ApplicationScoped
@Transactional
public class ContractService {
  @Inject ContractRepository repository;
  @Inject Caller caller;
  @Inject ProjectService projects;
  @Inject AuditService audit;

  @Inject ContractUsage usage;
  @Inject PolicyService policies;

  private final Clock clock = Clock.systemUTC();

  /** A contract with one of its revisions and the workflows (as {@code project/name}) using it. */
  public record ContractDetails(
      WorkflowContract contract, ContractVersion version, List<String> workflows) {}

  /** A contract with the number of live workflows using it. */
  public record ContractSummary(WorkflowContract contract, long workflowsCount) {}

  /** Name and latest revision, for workflow listings. */
  public record ContractRef(String id, String name, int latestRevision) {}

  public enum ApplyStatus {
    CREATED,
    UPDATED,
    UNCHANGED
  }

  public record ApplyResult(ApplyStatus status, ContractDetails contract) {}

  public ContractDetails create(String name, String description, String projectName, String body) {
    caller.require(Permission.CONTRACT_CREATE);
    ContractParser.Parsed parsed =
        body == null || body.isBlank() ? null : ContractParser.parse(body);
    String effectiveName = nameOf(name, parsed);
    Project project = scopeProject(projectName);
    if (repository.findLiveByName(caller.organizationId(), effectiveName).isPresent()) {
      throw new ConflictException("contract \"" + effectiveName + "\" already exists");
    }
    String text = body == null || body.isBlank() ? defaultBody(effectiveName) : body;
    WorkflowContract contract = persist(effectiveName, description, project, text);
    return details(contract, 0);
  }

  public List<ContractSummary> list(Integer limit) {
    caller.require(Permission.CONTRACT_LIST);
    int n = PageRequest.limitOf(limit);
    List<WorkflowContract> visible =
        repository.listLive(caller.organizationId()).stream()
            .filter(this::visible)
            .limit(n)
            .toList();
    Map<String, Long> counts =
        usage.countByContract(visible.stream().map(WorkflowContract::getId).toList());
    return visible.stream()
        .map(c -> new ContractSummary(c, counts.getOrDefault(c.getId(), 0L)))
        .toList();
  }

  /** The contract with revision {@code revision} (0 = latest). */
  public ContractDetails describe(String name, int revision) {
    caller.require(Permission.CONTRACT_READ);
    return details(get(name), revision);
  }

  /** Updates the description and, when the body differs from the latest one, adds a revision. */
  public ContractDetails update(String name, String description, String body) {
    caller.require(Permission.CONTRACT_UPDATE);
    WorkflowContract contract = repository.lock(get(name));
    Instant now = clock.instant();
    if (description != null) {
      contract.setDescription(blankToNull(description), now);
    }
    if (body != null && !body.isBlank()) {
      ContractParser.Parsed parsed = ContractParser.parse(body);
      checkPolicies(parsed);
      if (parsed.name().isPresent() && !parsed.name().get().equals(contract.getName())) {
        throw new InvalidInputException(
            "metadata.name",
            "\"" + parsed.name().get() + "\" does not match the contract name \"" + name + "\"");
      }
      addRevisionIfChanged(contract, body, parsed.format(), now);
    }
    return details(contract, 0);
  }

  public void delete(String name) {
    caller.require(Permission.CONTRACT_DELETE);
    WorkflowContract contract = get(name);
    if (usage.countByContract(List.of(contract.getId())).getOrDefault(contract.getId(), 0L) > 0) {
      throw new ConflictException(
          "there are associated workflows with this contract, delete them first");
    }
    contract.delete(clock.instant());
    audit.record(
        AuditEntry.of("workflow_contract.deleted")
            .in(caller.organizationId())
            .by(caller.actor())
            .on("workflow_contract", contract.getId())
            .detail("name=" + contract.getName()));
  }

  /** {@code chainloop apply}: creates the contract named by {@code metadata.name} or updates it. */
  public ApplyResult apply(String body, String projectName) {
    ContractParser.Parsed parsed = ContractParser.parse(body);
    String name =
        parsed
            .name()
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "metadata.name", "is required to apply a contract (use the v2 schema)"));
    Optional<WorkflowContract> existing =
        repository.findLiveByName(caller.organizationId(), name).filter(this::visible);
    if (existing.isEmpty()) {
      return new ApplyResult(ApplyStatus.CREATED, create(name, null, projectName, body));
    }
    caller.require(Permission.CONTRACT_UPDATE);
    checkPolicies(parsed);
    WorkflowContract contract = repository.lock(existing.get());
    boolean changed = addRevisionIfChanged(contract, body, parsed.format(), clock.instant());
    return new ApplyResult(
        changed ? ApplyStatus.UPDATED : ApplyStatus.UNCHANGED, details(contract, 0));
  }

  /**
   * A revision of a contract parsed for attestations ({@code revision} 0 = latest). For the
   * attestation feature: org-scoped, 404 for unknown ids or revisions.
   */
  public ContractRevisionView revision(String contractId, int revision) {
    WorkflowContract contract =
        repository
            .findLive(caller.organizationId(), contractId)
            .filter(this::visible)
            .orElseThrow(() -> new UnknownResourceException("contract not found"));
    ContractVersion version = version(contract, revision);
    ContractParser.Parsed parsed = ContractParser.parse(version.getRawBody());
    return new ContractRevisionView(
        contract.getId(),
        contract.getName(),
        version.getRevision(),
        contract.getLatestRevision(),
        version.getRawBody(),
        version.getFormat(),
        parsed.materials(),
        parsed.envAllowList(),
        parsed.runnerType(),
        parsed.annotations(),
        attached(parsed));
  }

  /**
   * The policies revision {@code revision} of contract {@code contractId} attaches, deleted
   * contracts included (a run keeps the contract it started with); empty when there is none.
   */
  public List<ContractRevisionView.PolicyAttachment> policiesOf(String contractId, int revision) {
    return repository.findAll(List.of(contractId)).stream()
        .filter(c -> c.getOrganizationId().equals(caller.organizationId()))
        .findFirst()
        .flatMap(c -> repository.version(c.getId(), revision))
        .map(v -> attached(ContractParser.parse(v.getRawBody())))
        .orElse(List.of());
  }

  /** The annotations revision {@code revision} of the contract requires (spec.annotations). */
  public List<ContractRevisionView.AnnotationSpec> annotationsOf(String contractId, int revision) {
    return repository.findAll(List.of(contractId)).stream()
        .filter(c -> c.getOrganizationId().equals(caller.organizationId()))
        .findFirst()
        .flatMap(c -> repository.version(c.getId(), revision))
        .map(v -> ContractParser.parse(v.getRawBody()).annotations())
        .orElse(List.of());
  }

  /**
   * The contract's own policies, then those of its policy groups at their latest revision: the
   * group's inputs resolved from the contract's {@code with}, filled into its policies' inputs, the
   * {@code skip}ped ones left out, the group's {@code gate} (when set) over each policy's.
   */
  private List<PolicyAttachment> attached(ContractParser.Parsed parsed) {
    List<PolicyAttachment> out = new ArrayList<>(parsed.policies());
    for (PolicyGroupAttachment g : parsed.policyGroups()) {
      PolicyService.ResolvedGroup group =
          policies
              .resolveGroup(g.ref())
              .orElseThrow(
                  () ->
                      new UnknownResourceException(
                          "policy group \""
                              + g.ref()
                              + "\" attached by the contract no longer exists"));
      Map<String, String> args =
          PolicyRefusals.asInvalidInput(
              () -> PolicyInputs.resolve(group.document().asInputs(), g.with()));
      for (PolicyGroupDocument.Applied p : group.document().apply(args)) {
        if (g.skip().contains(p.ref())) {
          continue;
        }
        out.add(
            new PolicyAttachment(
                p.attestation() ? PolicyTarget.ATTESTATION : PolicyTarget.MATERIALS,
                p.ref(),
                p.with(),
                g.gate() != null ? g.gate() : p.gate(),
                p.materialName(),
                group.name()));
      }
    }
    return List.copyOf(out);
  }

  /**
   * The contract a workflow of {@code project} should use. With {@code contractName}: that
   * contract, which must exist and not be scoped to another project. With {@code contractBody}: a
   * new contract named after its {@code metadata.name} (or {@code <project>-<workflow>} for v1
   * bodies). With neither: the default {@code <project>-<workflow>} contract, reused if it exists.
   */
  public WorkflowContract forNewWorkflow(
      Project project, String workflowName, String contractName, String contractBody) {
    String defaultName = project.getName() + "-" + workflowName;
    if (contractBody != null && !contractBody.isBlank()) {
      ContractParser.Parsed parsed = ContractParser.parse(contractBody);
      String name = parsed.name().orElse(defaultName);
      if (repository.findLiveByName(caller.organizationId(), name).isPresent()) {
        throw new ConflictException("contract \"" + name + "\" already exists");
      }
      return persist(name, null, project, contractBody);
    }
    if (contractName != null && !contractName.isBlank()) {
      return forProject(contractName.trim(), project.getId());
    }
    return repository
        .findLiveByName(caller.organizationId(), defaultName)
        .orElseGet(() -> persist(defaultName, null, project, defaultBody(defaultName)));
  }

  /** An existing contract usable by workflows of {@code projectId}. */
  public WorkflowContract forProject(String contractName, String projectId) {
    WorkflowContract contract = get(contractName);
    if (contract.getProjectId() != null && !contract.getProjectId().equals(projectId)) {
      throw new InvalidInputException(
          "contract", "contract \"" + contractName + "\" is scoped to a different project");
    }
    return contract;
  }

  /** Names and latest revisions of the given contracts (deleted ones included). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<String, ContractRef> refs(Collection<String> contractIds) {
    return repository.refs(caller.organizationId(), contractIds).stream()
        .collect(Collectors.toMap(ContractRef::id, Function.identity()));
  }

  static String defaultBody(String name) {
    return "apiVersion: chainloop.dev/v1\nkind: Contract\nmetadata:\n  name: "
        + name
        + "\nspec: {}\n";
  }

  private WorkflowContract persist(String name, String description, Project project, String body) {
    Names.requireDns1123("name", name);
    ContractParser.Parsed parsed = ContractParser.parse(body);
    checkPolicies(parsed);
    Instant now = clock.instant();
    WorkflowContract contract =
        project == null
            ? WorkflowContract.organizationWide(caller.organizationId(), name, now)
            : WorkflowContract.scopedTo(project, name, now);
    contract.setDescription(blankToNull(description), now);
    repository.save(contract);
    repository.save(
        new ContractVersion(
            contract.getId(), contract.nextRevision(now), body, parsed.format(), now));
    audit.record(
        AuditEntry.of("workflow_contract.created")
            .in(caller.organizationId())
            .by(caller.actor())
            .on("workflow_contract", contract.getId())
            .detail("name=" + name));
    return contract;
  }

  /**
   * Every attached policy must exist (in the organization or the built-in library) and accept the
   * inputs the contract sets: a contract never names a policy nothing would evaluate.
   */
  private void checkPolicies(ContractParser.Parsed parsed) {
    List<Violation> problems = new ArrayList<>();
    Map<ContractRevisionView.PolicyTarget, Integer> index =
        new EnumMap<>(ContractRevisionView.PolicyTarget.class);
    for (var attachment : parsed.policies()) {
      int i = index.merge(attachment.target(), 1, Integer::sum) - 1;
      String field =
          "spec.policies." + attachment.target().name().toLowerCase(Locale.ROOT) + "[" + i + "]";
      var policy = policies.resolve(attachment.ref());
      if (policy.isEmpty()) {
        problems.add(new Violation(field + ".ref", "unknown policy \"" + attachment.ref() + "\""));
        continue;
      }
      try {
        PolicyInputs.resolve(policy.get().compiled().document(), attachment.with());
      } catch (InvalidPolicyException e) {
        problems.add(new Violation(field + ".with", e.getMessage()));
      }
    }
    for (int i = 0; i < parsed.policyGroups().size(); i++) {
      checkGroup(parsed.policyGroups().get(i), "spec.policyGroups[" + i + "]", problems);
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(
          "invalid contract: "
              + problems.stream()
                  .map(v -> v.field() + ": " + v.message())
                  .collect(Collectors.joining("; ")),
          problems);
    }
  }

  /** The group must exist, take the inputs set and, with them, give its policies valid ones. */
  private void checkGroup(PolicyGroupAttachment g, String field, List<Violation> problems) {
    Optional<PolicyService.ResolvedGroup> group = policies.resolveGroup(g.ref());
    if (group.isEmpty()) {
      problems.add(new Violation(field + ".ref", "unknown policy group \"" + g.ref() + "\""));
      return;
    }
    PolicyGroupDocument document = group.get().document();
    for (String skipped : g.skip()) {
      if (!document.policyNames().contains(skipped)) {
        problems.add(
            new Violation(
                field + ".skip",
                "policy group \"" + g.ref() + "\" has no policy \"" + skipped + "\""));
      }
    }
    Map<String, String> args;
    try {
      args = PolicyInputs.resolve(document.asInputs(), g.with());
    } catch (InvalidPolicyException e) {
      problems.add(new Violation(field + ".with", e.getMessage()));
      return;
    }
    for (PolicyGroupDocument.Applied p : document.apply(args)) {
      var policy = policies.resolve(p.ref());
      if (policy.isEmpty()) {
        problems.add(
            new Violation(
                field + ".ref",
                "policy group \"" + g.ref() + "\" names unknown policy \"" + p.ref() + "\""));
        continue;
      }
      try {
        PolicyInputs.resolve(policy.get().compiled().document(), p.with());
      } catch (InvalidPolicyException e) {
        problems.add(new Violation(field + ".with", e.getMessage()));
      }
    }
  }

  private boolean addRevisionIfChanged(
      WorkflowContract contract, String body, String format, Instant now) {
    ContractVersion latest = version(contract, 0);
    if (latest.getRawBody().equals(body)) {
      return false;
    }
    int revision = contract.nextRevision(now);
    repository.save(new ContractVersion(contract.getId(), revision, body, format, now));
    audit.record(
        AuditEntry.of("workflow_contract.updated")
            .in(caller.organizationId())
            .by(caller.actor())
            .on("workflow_contract", contract.getId())
            .detail("name=" + contract.getName() + " revision=" + revision));
    return true;
  }

  private String nameOf(String name, ContractParser.Parsed parsed) {
    Optional<String> fromBody = parsed == null ? Optional.empty() : parsed.name();
    if (name != null && !name.isBlank()) {
      if (fromBody.isPresent() && !fromBody.get().equals(name.trim())) {
        throw new InvalidInputException(
            "name",
            "\"" + name.trim() + "\" does not match metadata.name \"" + fromBody.get() + "\"");
      }
      return Names.requireDns1123("name", name.trim());
    }
    return fromBody.orElseThrow(
        () ->
            new InvalidInputException(
                "name", "is required when the contract has no metadata.name"));
  }

  private Project scopeProject(String projectName) {
    if (projectName != null && !projectName.isBlank()) {
      return projects.get(projectName.trim());
    }
    return caller.projectScope().flatMap(projects::findById).orElse(null);
  }

  private WorkflowContract get(String name) {
    return repository
        .findLiveByName(caller.organizationId(), name)
        .filter(this::visible)
        .orElseThrow(() -> new UnknownResourceException("contract \"" + name + "\" not found"));
  }

  private ContractDetails details(WorkflowContract contract, int revision) {
    return new ContractDetails(
        contract, version(contract, revision), usage.workflowsUsing(contract.getId()));
  }

  private ContractVersion version(WorkflowContract contract, int revision) {
    if (revision < 0) {
      throw new InvalidInputException("revision", "must be 0 (latest) or more");
    }
    int wanted = revision == 0 ? contract.getLatestRevision() : revision;
    return repository
        .version(contract.getId(), wanted)
        .orElseThrow(
            () ->
                new UnknownResourceException(
                    "revision "
                        + wanted
                        + " of contract \""
                        + contract.getName()
                        + "\" not found"));
  }

  private boolean visible(WorkflowContract c) {
    return c.getProjectId() == null || caller.canSeeProject(c.getProjectId());
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
