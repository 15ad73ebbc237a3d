package dev.chainloop.ee.attestation;

import java.util.List;

/** What a verified bundle's in-toto statement says, read once after the signature checked out. */
public record VerifiedStatement(
    String predicateType,
    String workflowRunId,
    List<Reference> subjects,
    List<Reference> materials) {

  /** A digest the attestation names: a subject or a material. */
  public record Reference(String name, String digest, String materialType) {}
}
