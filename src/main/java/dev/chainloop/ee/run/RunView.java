package dev.chainloop.ee.run;

import dev.chainloop.ee.platform.security.CiIdentity;
import dev.chainloop.ee.project.ProjectVersionView;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A run as the API shows it. */
@JsonbPropertyOrder({
  "id",
  "state",
  "status",
  "reason",
  "workflow",
  "runnerType",
  "runUrl",
  "contractRevisionUsed",
  "contractRevisionLatest",
  "version",
  "createdAt",
  "finishedAt",
  "attestationDigest",
  "policyStatus",
  "ciIdentity"
})
public record RunView(
    String id,
    String state,
    String status,
    String reason,
    WorkflowRef workflow,
    String runnerType,
    String runUrl,
    int contractRevisionUsed,
    int contractRevisionLatest,
    @Schema(description = "The project version attested; absent when the run has none")
        ProjectVersionView version,
    Instant createdAt,
    Instant finishedAt,
    String attestationDigest,
    @Schema(
            enumeration = {"passed", "failed", "bypassed"},
            description = "What the contract's policies said at push; absent when it has none")
        String policyStatus,
    @Schema(
            description =
                "The CI job whose OIDC ID token was exchanged for the credential that started"
                    + " the run; absent for other credentials")
        CiJob ciIdentity) {

  public record WorkflowRef(String id, String name, String project, String team) {}

  /** A CI job's identity as its provider's ID token stated it. */
  @JsonbPropertyOrder({"issuer", "subject", "repository", "ref", "workflow", "runId"})
  public record CiJob(
      String issuer, String subject, String repository, String ref, String workflow, String runId) {
    public static CiJob of(CiIdentity ci) {
      return new CiJob(
          ci.issuer(), ci.subject(), ci.repository(), ci.ref(), ci.workflow(), ci.runId());
    }
  }
}
