package dev.chainloop.ee.run;

import dev.chainloop.ee.attestation.AttestationService;
import dev.chainloop.ee.platform.security.TokenKind.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Base64;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("workflow-runs")
@Tag(name = "workflow-runs")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.USER, Roles.API_TOKEN, Roles.ROBOT_ACCOUNT})
public class WorkflowRunResource {
  @Inject WorkflowRunService runs;
  @Inject AttestationService attestations;

  @GET
  @Operation(
      operationId = "listWorkflowRuns",
      summary = "List runs newest first, with cursor pagination (pass nextCursor as next)")
  public WorkflowRunService.RunPage list(
      @QueryParam("workflow") String workflow,
      @QueryParam("project") String project,
      @QueryParam("status") String status,
      @QueryParam("limit") Integer limit,
      @QueryParam("next") String next,
      @QueryParam("digest") String digest) {
    if (digest != null && !digest.isBlank()) {
      RunView run = attestations.details(null, digest.trim(), false).run();
      return new WorkflowRunService.RunPage(java.util.List.of(run), null);
    }
    return runs.list(workflow, project, status, limit, next);
  }

  @GET
  @Path("{id}")
  @Operation(
      operationId = "describeWorkflowRun",
      summary =
          "A run by its id (the attestation ID) with its attestation bundle; verify=true re-checks it")
  public RunDetails describe(@PathParam("id") String id, @QueryParam("verify") boolean verify) {
    return RunDetails.of(attestations.details(id, null, verify));
  }

  @GET
  @Path("by-digest/{digest}")
  @Operation(
      operationId = "describeWorkflowRunByDigest",
      summary = "A run by its attestation's digest")
  public RunDetails byDigest(
      @PathParam("digest") String digest, @QueryParam("verify") boolean verify) {
    return RunDetails.of(attestations.details(null, digest, verify));
  }

  /** A run and its attestation; the bundle is base64 so that its bytes survive exactly. */
  public record RunDetails(RunView run, AttestationInfo attestation, Verification verification) {
    static RunDetails of(AttestationService.RunDetails d) {
      AttestationInfo a =
          d.bundle() == null
              ? null
              : new AttestationInfo(
                  d.attestationDigest(), Base64.getEncoder().encodeToString(d.bundle()));
      Verification v =
          d.verification() == null
              ? null
              : new Verification(d.verification().verified(), d.verification().failureReason());
      return new RunDetails(d.run(), a, v);
    }
  }

  public record AttestationInfo(String digest, String bundle) {}

  public record Verification(boolean verified, String failureReason) {}
}
