package dev.chainloop.ee.policy;

import dev.chainloop.ee.audit.AuditEntry;
import dev.chainloop.ee.audit.AuditService;
import dev.chainloop.ee.platform.error.ConflictException;
import dev.chainloop.ee.platform.error.InvalidInputException;
import dev.chainloop.ee.platform.error.UnknownResourceException;
import dev.chainloop.ee.platform.security.Caller;
import dev.chainloop.ee.platform.security.Permission;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The organization's policies and their revisions, beside the built-in library. Policies belong to
 * contracts, so the contract permissions govern them. Every stored revision compiled when it was
 * applied: a document that does not compile is refused, never stored.
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

  /** {@code chainloop apply}: creates the policy named by {@code metadata.name} or revises it. */
  public ApplyResult apply(String body) {
    PolicyDocument document =
        PolicyRefusals.asInvalidInput(() -> PolicyEngine.compile(PolicyDocument.parse(body)))
            .document();
    String name = document.name();
    if (BuiltinPolicies.body(name).isPresent()) {
      throw new ConflictException(
          "\"" + name + "\" is a built-in policy: give your policy another name");
    }
    Instant now = clock.instant();
    Optional<Policy> existing = repository.findLiveByName(caller.organizationId(), name);
    if (existing.isEmpty()) {
      caller.require(Permission.CONTRACT_CREATE);
      Policy policy = new Policy(caller.organizationId(), name, now);
      int revision = policy.nextRevision(document.description(), now);
      repository.save(policy);
      repository.save(new PolicyVersion(policy.getId(), revision, body, now));
      record("policy.created", policy, revision);
      return new ApplyResult(ApplyStatus.CREATED, details(policy, version(policy, 0)));
    }
    caller.require(Permission.CONTRACT_UPDATE);
    Policy policy = repository.lock(existing.get());
    PolicyVersion latest = version(policy, 0);
    if (latest.getRawBody().equals(body)) {
      return new ApplyResult(ApplyStatus.UNCHANGED, details(policy, latest));
    }
    int revision = policy.nextRevision(document.description(), now);
    PolicyVersion version = new PolicyVersion(policy.getId(), revision, body, now);
    repository.save(version);
    record("policy.updated", policy, revision);
    return new ApplyResult(ApplyStatus.UPDATED, details(policy, version));
  }

  /** The organization's policies, then the built-in ones, without their documents. */
  public List<PolicyDetails> list() {
    caller.require(Permission.CONTRACT_LIST);
    List<PolicyDetails> out = new ArrayList<>();
    for (Policy p : repository.listLive(caller.organizationId())) {
      out.add(details(p, null));
    }
    for (String name : BuiltinPolicies.NAMES) {
      PolicyDetails b = builtin(name);
      out.add(new PolicyDetails(name, b.description(), true, 1, 1, null, null, null));
    }
    return out;
  }

  /** Policy {@code name} at {@code revision} (0 = latest). */
  public PolicyDetails describe(String name, int revision) {
    caller.require(Permission.CONTRACT_READ);
    Optional<Policy> own = repository.findLiveByName(caller.organizationId(), name);
    if (own.isPresent()) {
      return details(own.get(), version(own.get(), revision));
    }
    if (BuiltinPolicies.body(name).isPresent() && revision <= 1) {
      return builtin(name);
    }
    throw new UnknownResourceException("policy \"" + name + "\" not found");
  }

  public void delete(String name) {
    caller.require(Permission.CONTRACT_DELETE);
    if (BuiltinPolicies.body(name).isPresent()) {
      throw new InvalidInputException("name", "\"" + name + "\" is built in and cannot be deleted");
    }
    Policy policy =
        repository
            .findLiveByName(caller.organizationId(), name)
            .orElseThrow(() -> new UnknownResourceException("policy \"" + name + "\" not found"));
    policy.delete(clock.instant());
    record("policy.deleted", policy, policy.getLatestRevision());
  }

  /**
   * The latest revision of policy {@code name} of the caller's organization, or the built-in one,
   * compiled (once per revision); empty when there is none. For contracts and evaluation.
   */
  public Optional<Resolved> resolve(String name) {
    Optional<Policy> own = repository.findLiveByName(caller.organizationId(), name);
    if (own.isPresent()) {
      PolicyVersion v = version(own.get(), 0);
      return Optional.of(
          new Resolved(
              name, v.getRevision(), false, compilations.compile(v.getId(), v.getRawBody())));
    }
    return BuiltinPolicies.body(name)
        .map(b -> new Resolved(name, 1, true, compilations.compile("builtin:" + name, b)));
  }

  private void record(String action, Policy policy, int revision) {
    audit.record(
        AuditEntry.of(action)
            .in(caller.organizationId())
            .by(caller.actor())
            .on("policy", policy.getId())
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
