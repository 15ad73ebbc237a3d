package dev.chainloop.ee.contract;

import java.util.List;

/**
 * A contract revision as the attestation process needs it (the contract feature owns storage,
 * parsing and validation; attestations only read this view).
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
   * strategy, {@code selectorName} (materials only) limits it to one material.
   */
  public record PolicyAttachment(
      PolicyTarget target,
      String ref,
      java.util.Map<String, String> with,
      boolean gate,
      String selectorName) {}

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
