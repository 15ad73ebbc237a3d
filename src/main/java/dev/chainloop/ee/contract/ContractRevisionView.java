package dev.chainloop.ee.contract;

import java.util.List;
import java.util.Map;

/**
 * A contract revision as the attestation process needs it (the contract feature owns storage,
 * parsing and validation; attestations only read this view). {@code policies} holds the contract's
 * own attachments, then the policies of its policy groups, expanded.
 */
public record ContractRevisionView(
    String contractId,
    String contractName,
    int revision,
    int latestRevision,
    String rawBody,
    String format,
    List<MaterialSpec> materials,
    List<String> envAllowList,
    RunnerType runnerType,
    List<AnnotationSpec> annotations,
    List<PolicyAttachment> policies) {

  /** A material the contract expects; {@code type} is a MaterialType name such as ARTIFACT. */
  public record MaterialSpec(
      String name,
      String type,
      boolean optional,
      boolean output,
      List<AnnotationSpec> annotations) {}

  /**
   * A policy the contract attaches, as upstream's {@code spec.policies.materials[]} and {@code
   * spec.policies.attestation[]}: {@code ref} names an organization or built-in policy, {@code
   * with} sets its inputs, {@code gate} makes a violation fail the push whatever the organization's
   * strategy, {@code selectorName} (materials only) limits it to one material. {@code group} names
   * the policy group it comes from, null when the contract attaches it directly; a group's policies
   * come with their inputs filled from the group's.
   */
  public record PolicyAttachment(
      PolicyTarget target,
      String ref,
      Map<String, String> with,
      boolean gate,
      String selectorName,
      String group) {}

  /**
   * A policy group the contract attaches, as upstream's {@code spec.policyGroups[]}: {@code gate}
   * null inherits each policy's own gate.
   */
  public record PolicyGroupAttachment(
      String ref, Map<String, String> with, Boolean gate, List<String> skip) {}

  /**
   * What an attached policy evaluates: each material of a kind it has a rule for, or the statement.
   */
  public enum PolicyTarget {
    MATERIALS,
    ATTESTATION
  }

  /** A required annotation; an empty value must be supplied at push time. */
  public record AnnotationSpec(String name, String value) {}
}
