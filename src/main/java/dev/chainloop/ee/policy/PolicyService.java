package dev.chainloop.ee.policy;

import dev.chainloop.ee.audit.AuditEntry;
import dev.chainloop.ee.audit.AuditService;
import dev.chainloop.ee.platform.error.ConflictException;
import dev.chainloop.ee.platform.error.InvalidInputException;
import dev.chainloop.ee.platform.error.UnknownResourceException;
import dev.chainloop.ee.platform.persistence.PageRequest;
import dev.chainloop.ee.platform.security.Caller;
import dev.chainloop.ee.platform.security.Permission;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The organization's policies and policy groups and their revisions, beside the built-in library.
 * Policies belong to contracts, so the contract permissions govern them. Every stored revision
 * compiled when it was applied: a document that does not compile is refused, never stored.
 */
@Stateless
public class PolicyService {
  @Inject PolicyRepository repository;
  @Inject Caller caller;
  @Inject AuditService audit;
  @Inject PolicyCompilations compilations;

  private final Clock clock = Clock.systemUTC();

  public enum ApplyStatus {
    CREATED,
    UPDATED,
    UNCHANGED
  }

  /**
   * A policy at one revision: {@code policy} is empty for a built-in one (revision 1, no owner).
   */
  public record PolicyDetails(
      String name,
      String description,
      boolean builtin,
      int revision,
      int latestRevision,
      Instant createdAt,
      Instant updatedAt,
      String body) {}

  public record ApplyResult(ApplyStatus status, PolicyDetails policy) {}

  /** A compiled revision, ready to evaluate. */
  public record Resolved(
      String name, int revision, boolean builtin, PolicyEngine.CompiledPolicy compiled) {}

  /** A group's latest revision, parsed. */
  public record ResolvedGroup(String name, int revision, PolicyGroupDocument document) {}

  /** {@code chainloop apply}: creates the policy named by {@code metadata.name} or revises it. */
  public ApplyResult apply(String body) {
    PolicyDocument document =
        PolicyRefusals.asInvalidInput(() -> PolicyEngine.compile(PolicyDocument.parse(body)))
            .document();
    if (BuiltinPolicies.body(document.name()).isPresent()) {
      throw new ConflictException(
          "\"" + document.name() + "\" is a built-in policy: give your policy another name");
    }
    return store(Policy.Kind.POLICY, document.name(), document.description(), body);
  }

  /**
   * {@code chainloop apply} of a {@code kind: PolicyGroup}: every policy it names must exist and
   * have the inputs its {@code with} sets, so that a group never holds a policy nothing evaluates.
   */
  public ApplyResult applyGroup(String body) {
    PolicyGroupDocument group =
        PolicyRefusals.asInvalidInput(() -> PolicyGroupDocument.parse(body));
    List<PolicyProblem> problems = new ArrayList<>();
    for (PolicyGroupDocument.Applied member : group.apply(Map.of())) {
      Optional<Resolved> policy = resolve(member.ref());
      if (policy.isEmpty()) {
        problems.add(new PolicyProblem("spec.policies", "unknown policy \"" + member.ref() + "\""));
        continue;
      }
      List<String> declared =
          policy.get().compiled().document().inputs().stream()
              .map(PolicyDocument.Input::name)
              .toList();
      for (String input : member.with().keySet()) {
        if (!declared.contains(input)) {
          problems.add(
              new PolicyProblem(
                  "spec.policies",
                  "policy \"" + member.ref() + "\" has no input \"" + input + "\""));
        }
      }
    }
    PolicyRefusals.asInvalidInput(
        () -> {
          PolicyDocument.refuse("policy group \"" + group.name() + "\"", problems);
          return problems;
        });
    return store(Policy.Kind.POLICY_GROUP, group.name(), group.description(), body);
  }

  private ApplyResult store(Policy.Kind kind, String name, String description, String body) {
    Instant now = clock.instant();
    Optional<Policy> existing = repository.findLiveByName(caller.organizationId(), kind, name);
    if (existing.isEmpty()) {
      caller.require(Permission.CONTRACT_CREATE);
      Policy policy = new Policy(caller.organizationId(), kind, name, now);
      int revision = policy.nextRevision(description, now);
      repository.save(policy);
      repository.save(new PolicyVersion(policy.getId(), revision, body, now));
      record(auditPrefix(kind) + ".created", policy, revision);
      return new ApplyResult(ApplyStatus.CREATED, details(policy, version(policy, 0)));
    }
    caller.require(Permission.CONTRACT_UPDATE);
    Policy policy = repository.lock(existing.get());
    PolicyVersion latest = version(policy, 0);
    if (latest.getRawBody().equals(body)) {
      return new ApplyResult(ApplyStatus.UNCHANGED, details(policy, latest));
    }
    int revision = policy.nextRevision(description, now);
    PolicyVersion version = new PolicyVersion(policy.getId(), revision, body, now);
    repository.save(version);
    record(auditPrefix(kind) + ".updated", policy, revision);
    return new ApplyResult(ApplyStatus.UPDATED, details(policy, version));
  }

  /** The organization's policies, then the built-in ones, without their documents. */
  public List<PolicyDetails> list(Integer limit) {
    caller.require(Permission.CONTRACT_LIST);
    int n = PageRequest.limitOf(limit);
    List<PolicyDetails> out = new ArrayList<>();
    for (Policy p : repository.listLive(caller.organizationId(), Policy.Kind.POLICY)) {
      out.add(details(p, null));
    }
    for (String name : BuiltinPolicies.NAMES) {
      PolicyDetails b = builtin(name);
      out.add(new PolicyDetails(name, b.description(), true, 1, 1, null, null, null));
    }
    return out.stream().limit(n).toList();
  }

  /** The organization's policy groups, without their documents. */
  public List<PolicyDetails> listGroups(Integer limit) {
    caller.require(Permission.CONTRACT_LIST);
    int n = PageRequest.limitOf(limit);
    return repository.listLive(caller.organizationId(), Policy.Kind.POLICY_GROUP).stream()
        .limit(n)
        .map(p -> details(p, null))
        .toList();
  }

  /** Policy {@code name} at {@code revision} (0 = latest). */
  public PolicyDetails describe(String name, int revision) {
    caller.require(Permission.CONTRACT_READ);
    Optional<Policy> own =
        repository.findLiveByName(caller.organizationId(), Policy.Kind.POLICY, name);
    if (own.isPresent()) {
      return details(own.get(), version(own.get(), revision));
    }
    if (BuiltinPolicies.body(name).isPresent() && revision <= 1) {
      return builtin(name);
    }
    throw new UnknownResourceException("policy \"" + name + "\" not found");
  }

  /** Policy group {@code name} at {@code revision} (0 = latest). */
  public PolicyDetails describeGroup(String name, int revision) {
    caller.require(Permission.CONTRACT_READ);
    Policy group = live(Policy.Kind.POLICY_GROUP, name);
    return details(group, version(group, revision));
  }

  public void delete(String name) {
    caller.require(Permission.CONTRACT_DELETE);
    if (BuiltinPolicies.body(name).isPresent()) {
      throw new InvalidInputException("name", "\"" + name + "\" is built in and cannot be deleted");
    }
    Policy policy = live(Policy.Kind.POLICY, name);
    policy.delete(clock.instant());
    record("policy.deleted", policy, policy.getLatestRevision());
  }

  public void deleteGroup(String name) {
    caller.require(Permission.CONTRACT_DELETE);
    Policy group = live(Policy.Kind.POLICY_GROUP, name);
    group.delete(clock.instant());
    record("policy_group.deleted", group, group.getLatestRevision());
  }

  /**
   * The latest revision of policy {@code name} of the caller's organization, or the built-in one,
   * compiled (once per revision); empty when there is none. For contracts and evaluation.
   */
  public Optional<Resolved> resolve(String name) {
    Optional<Policy> own =
        repository.findLiveByName(caller.organizationId(), Policy.Kind.POLICY, name);
    if (own.isPresent()) {
      PolicyVersion v = version(own.get(), 0);
      return Optional.of(
          new Resolved(
              name, v.getRevision(), false, compilations.compile(v.getId(), v.getRawBody())));
    }
    return BuiltinPolicies.body(name)
        .map(b -> new Resolved(name, 1, true, compilations.compile("builtin:" + name, b)));
  }

  /** The latest revision of policy group {@code name}; empty when there is none. */
  public Optional<ResolvedGroup> resolveGroup(String name) {
    return repository
        .findLiveByName(caller.organizationId(), Policy.Kind.POLICY_GROUP, name)
        .map(
            g -> {
              PolicyVersion v = version(g, 0);
              return new ResolvedGroup(
                  name,
                  v.getRevision(),
                  PolicyRefusals.asInvalidInput(() -> PolicyGroupDocument.parse(v.getRawBody())));
            });
  }

  private Policy live(Policy.Kind kind, String name) {
    return repository
        .findLiveByName(caller.organizationId(), kind, name)
        .orElseThrow(
            () ->
                new UnknownResourceException(
                    (kind == Policy.Kind.POLICY ? "policy" : "policy group")
                        + " \""
                        + name
                        + "\" not found"));
  }

  private static String auditPrefix(Policy.Kind kind) {
    return kind == Policy.Kind.POLICY ? "policy" : "policy_group";
  }

  private void record(String action, Policy policy, int revision) {
    audit.record(
        AuditEntry.of(action)
            .in(caller.organizationId())
            .by(caller.actor())
            .on(auditPrefix(policy.getKind()), policy.getId())
            .detail("name=" + policy.getName() + " revision=" + revision));
  }

  private PolicyVersion version(Policy policy, int revision) {
    if (revision < 0) {
      throw new InvalidInputException("revision", "must be 0 (latest) or more");
    }
    int wanted = revision == 0 ? policy.getLatestRevision() : revision;
    return repository
        .version(policy.getId(), wanted)
        .orElseThrow(
            () ->
                new UnknownResourceException(
                    "revision " + wanted + " of policy \"" + policy.getName() + "\" not found"));
  }

  private static PolicyDetails details(Policy p, PolicyVersion v) {
    return new PolicyDetails(
        p.getName(),
        p.getDescription(),
        false,
        v == null ? p.getLatestRevision() : v.getRevision(),
        p.getLatestRevision(),
        p.getCreatedAt(),
        p.getUpdatedAt(),
        v == null ? null : v.getRawBody());
  }

  private static PolicyDetails builtin(String name) {
    String body = BuiltinPolicies.body(name).orElseThrow();
    return new PolicyDetails(
        name, PolicyDocument.parse(body).description(), true, 1, 1, null, null, body);
  }
}
