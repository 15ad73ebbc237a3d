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
    List<AnnotationSpec> annotations) {

  /** A material the contract expects; {@code type} is a MaterialType name such as ARTIFACT. */
  public record MaterialSpec(
      String name,
      String type,
      boolean optional,
      boolean output,
      List<AnnotationSpec> annotations) {}

  /** A required annotation; an empty value must be supplied at push time. */
  public record AnnotationSpec(String name, String value) {}
}
