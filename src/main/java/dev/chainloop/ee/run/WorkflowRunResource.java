package dev.chainloop.ee.run;

import dev.chainloop.ee.platform.security.TokenKind.Roles;
import dev.chainloop.ee.run.RunAttestations.StoredAttestation;
import dev.chainloop.ee.run.WorkflowRunService.RunPage;
import dev.chainloop.ee.run.WorkflowRunService.RunWithAttestation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Base64;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@ApplicationScoped
@Path("workflow-runs")
@Tag(name = "workflow-runs")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.USER, Roles.API_TOKEN, Roles.ROBOT_ACCOUNT})
public class WorkflowRunResource {
  @Inject WorkflowRunService runs;

  @GET
  @Operation(
      operationId = "listWorkflowRuns",
      summary = "List runs newest first, with cursor pagination (pass nextCursor as next)")
  public RunPage list(
      @QueryParam("workflow") String workflow,
      @QueryParam("project") String project,
      @QueryParam("version") String version,
      @QueryParam("status") String status,
      @QueryParam("policyStatus") String policyStatus,
      @QueryParam("limit") Integer limit,
      @QueryParam("next") String next,
      @QueryParam("digest") String digest) {
    if (digest != null && !digest.isBlank()) {
      RunView run = runs.details(null, digest.trim(), false).run();
      return new RunPage(List.of(run), null);
    }
    return runs.list(workflow, project, version, status, policyStatus, limit, next);
  }

  @GET
  @Path("{id}")
  @Operation(
      operationId = "describeWorkflowRun",
      summary =
          "A run by its id (the attestation ID) with its attestation bundle; verify=true re-checks it")
  public RunDetails describe(@PathParam("id") String id, @QueryParam("verify") boolean verify) {
    return RunDetails.of(runs.details(id, null, verify));
  }

  @GET
  @Path("by-digest/{digest}")
  @Operation(
      operationId = "describeWorkflowRunByDigest",
      summary = "A run by its attestation's digest")
  public RunDetails byDigest(
      @PathParam("digest") String digest, @QueryParam("verify") boolean verify) {
    return RunDetails.of(runs.details(null, digest, verify));
  }

  /** A run and its attestation; the bundle is base64 so that its bytes survive exactly. */
  public record RunDetails(
      RunView run,
      AttestationInfo attestation,
      Verification verification,
      @Schema(description = "The policy results stored at push; absent when the contract has none")
          PolicyResults policies) {
    static RunDetails of(RunWithAttestation d) {
      AttestationInfo a =
          d.attestation()
              .map(
                  s ->
                      new AttestationInfo(
                          s.digest(), Base64.getEncoder().encodeToString(s.bundle())))
              .orElse(null);
      Verification v =
          d.attestation()
              .map(StoredAttestation::verification)
              .map(r -> new Verification(r.verified(), r.failureReason()))
              .orElse(null);
      return new RunDetails(d.run(), a, v, d.policies());
    }
  }

  public record AttestationInfo(String digest, String bundle) {}

  public record Verification(boolean verified, String failureReason) {}
}
