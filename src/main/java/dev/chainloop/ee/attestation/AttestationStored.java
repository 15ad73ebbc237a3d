package dev.chainloop.ee.attestation;

import jakarta.json.JsonObject;

/**
 * Fired inside the storing transaction; observers that count act only once it committed, the
 * integration outbox writes its deliveries in it. The workflow, project and version are the
 * server's own records of the run; {@code statement} is the verified in-toto statement (its
 * materials and annotations); {@code projectVersion} and {@code policyStatus} are empty for none.
 */
public record AttestationStored(
    String organizationId,
    String organizationName,
    String digest,
    String runId,
    String workflowId,
    String workflowName,
    String projectName,
    String projectVersion,
    String policyStatus,
    JsonObject statement) {}
