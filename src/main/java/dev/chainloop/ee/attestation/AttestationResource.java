package dev.chainloop.ee.attestation;

import dev.chainloop.ee.contract.ContractRevisionView;
import dev.chainloop.ee.platform.error.InvalidInputException;
import dev.chainloop.ee.platform.security.TokenKind.Roles;
import dev.chainloop.ee.policy.PolicyEvaluation;
import dev.chainloop.ee.project.ProjectVersionService.VersionRequest;
import dev.chainloop.ee.run.RunView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@ApplicationScoped
@Path("attestations")
@Tag(name = "attestations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.USER, Roles.API_TOKEN, Roles.ROBOT_ACCOUNT})
public class AttestationResource {
  @Inject AttestationService attestations;

  public record InitRequest(
      @Size(max = 63) String workflow,
      @Size(max = 63) String project,
      Integer contractRevision,
      @Size(max = 40) String runnerType,
      @Size(max = 1000) String runUrl,
      @Schema(description = "The project version attested, created as a prerelease if missing")
          @Size(max = 100)
          String version,
      @Schema(description = "Attest the project's latest version instead of naming one")
          Boolean latestVersion,
      @Schema(description = "Refuse the init if the version does not exist yet")
          Boolean existingVersion,
      @Schema(description = "Release the version when this run is pushed") Boolean release,
      @Schema(
              description =
                  "true promotes the version to latest, false keeps a new one from becoming it;"
                      + " absent: new versions become the latest")
          Boolean markLatest,
      @Schema(description = "Name of an existing contract for a workflow this init creates")
          @Size(max = 63)
          String contract,
      @Schema(description = "A new contract's body (YAML or JSON) for a workflow this init creates")
          String contractBody) {
    VersionRequest versionRequest() {
      return new VersionRequest(
          version,
          Boolean.TRUE.equals(latestVersion),
          Boolean.TRUE.equals(existingVersion),
          Boolean.TRUE.equals(release),
          markLatest);
    }
  }

  /** The run's project version as the crafting state keeps it (upstream's workflowMeta). */
  @JsonbPropertyOrder({"id", "version", "prerelease", "markAsRelease"})
  public record VersionInfo(
      String id,
      String version,
      boolean prerelease,
      @Schema(description = "Whether pushing the run releases the version (upstream's spelling)")
          boolean markAsRelease) {}

  public record WorkflowInfo(
      String id,
      String name,
      String project,
      String team,
      @Schema(description = "Absent when the run has no project version")
          VersionInfo projectVersion) {}

  @JsonbPropertyOrder({
    "attestationId",
    "workflow",
    "organization",
    "contractName",
    "contractRevision",
    "contractRevisionLatest",
    "contract",
    "materials",
    "annotations",
    "envAllowList",
    "initializedAt",
    "ciIdentity"
  })
  public record InitResponse(
      String attestationId,
      WorkflowInfo workflow,
      String organization,
      String contractName,
      int contractRevision,
      int contractRevisionLatest,
      String contract,
      List<ContractRevisionView.MaterialSpec> materials,
      @Schema(
              description =
                  "The contract's spec.annotations: an empty value is one the push must supply")
          List<ContractRevisionView.AnnotationSpec> annotations,
      @Schema(
              description =
                  "The contract's spec.envAllowList: variables the CLI records in the statement")
          List<String> envAllowList,
      Instant initializedAt,
      @Schema(
              description =
                  "The CI job behind the federated credential that started the run, which the"
                      + " client records in the statement; absent for other credentials")
          RunView.CiJob ciIdentity) {}

  public record StoreResponse(
      String digest,
      @Schema(
              enumeration = {"PASSED", "FAILED", "BYPASSED"},
              description = "Absent when the contract attaches no policy")
          String policyStatus,
      List<PolicyEvaluation> policies) {}

  public record EvaluateMaterialRequest(
      @NotNull
          @Schema(
              type = SchemaType.OBJECT,
              description =
                  "The material as the statement will carry it: name, digest, annotations"
                      + " (chainloop.material.type, chainloop.material.name, chainloop.material.cas)"
                      + " and, for a STRING, its base64 content")
          JsonObject material) {}

  public record MaterialEvaluations(List<PolicyEvaluation> policies) {}

  public record CancelRequest(String trigger, @Size(max = 1000) String reason) {}

  public record StateResponse(String state, String digest) {}

  public record SaveStateRequest(@NotNull String state, String baseDigest) {}

  @POST
  @Path("init")
  @Operation(operationId = "initAttestation", summary = "Start a workflow run to attest")
  public InitResponse init(@Valid @NotNull InitRequest request) {
    var init =
        attestations.init(
            request.workflow(),
            request.project(),
            request.contractRevision(),
            request.runnerType(),
            request.runUrl(),
            request.versionRequest(),
            new AttestationService.NewWorkflowContract(request.contract(), request.contractBody()));
    var wf = init.workflow();
    var c = init.contract();
    VersionInfo version =
        init.version()
            .map(
                v ->
                    new VersionInfo(
                        v.id(), v.version(), v.prerelease(), init.run().releasesVersion()))
            .orElse(null);
    return new InitResponse(
        init.run().getId(),
        new WorkflowInfo(wf.getId(), wf.getName(), wf.getProjectName(), wf.getTeam(), version),
        init.organization(),
        c.contractName(),
        c.revision(),
        c.latestRevision(),
        c.rawBody(),
        c.materials(),
        c.annotations(),
        c.envAllowList(),
        init.run().getCreatedAt(),
        init.run().ciIdentity().map(RunView.CiJob::of).orElse(null));
  }

  @POST
  @Path("{runId}/store")
  @Operation(
      operationId = "storeAttestation",
      summary =
          "Store the run's signed Sigstore bundle (the request body) once its contract's policies"
              + " allow it; answers its digest and the policy results once committed")
  public StoreResponse store(
      @PathParam("runId") String runId,
      @QueryParam("bypassPolicyCheck") boolean bypassPolicyCheck,
      @Parameter(
              description =
                  "Base64 DER public key (SPKI) of a key-signed bundle, which names it by"
                      + " verificationMaterial.publicKey.hint; not for keyless bundles")
          @QueryParam("publicKey")
          String publicKey,
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema =
                          @Schema(
                              type = SchemaType.OBJECT,
                              description =
                                  "A Sigstore bundle v0.3 (JSON) holding the DSSE envelope; its exact"
                                      + " bytes are stored and digested")))
          byte[] bundle) {
    var stored = attestations.store(runId, bundle, bypassPolicyCheck, publicKey);
    return new StoreResponse(
        stored.digest(),
        stored.policies().map(o -> o.status(stored.bypassed()).name()).orElse(null),
        stored.policies().map(PolicyCheck.Outcome::results).orElse(List.of()));
  }

  @POST
  @Path("{runId}/policy-evaluations")
  @Operation(
      operationId = "evaluateMaterialPolicies",
      summary =
          "Evaluate the contract's policies on one material of the open run (attestation add's"
              + " early feedback); nothing is recorded, the push evaluates again")
  public MaterialEvaluations evaluateMaterial(
      @PathParam("runId") String runId, @Valid @NotNull EvaluateMaterialRequest request) {
    return new MaterialEvaluations(attestations.evaluateMaterial(runId, request.material()));
  }

  @POST
  @Path("{runId}/cancel")
  @Operation(operationId = "cancelAttestation", summary = "End a run as failed or canceled")
  public void cancel(@PathParam("runId") String runId, @Valid CancelRequest request) {
    attestations.cancel(
        runId,
        request == null ? null : request.trigger(),
        request == null ? null : request.reason());
  }

  @GET
  @Path("{runId}/state")
  @Operation(operationId = "readAttestationState", summary = "The run's remote crafting state")
  public StateResponse readState(@PathParam("runId") String runId) {
    var s = attestations.readState(runId);
    return new StateResponse(
        s.state() == null ? null : Base64.getEncoder().encodeToString(s.state()), s.digest());
  }

  @PUT
  @Path("{runId}/state")
  @Operation(
      operationId = "saveAttestationState",
      summary =
          "Replace the remote crafting state if baseDigest (or If-Match) is still current; 409 otherwise")
  public StateResponse saveState(
      @PathParam("runId") String runId,
      @HeaderParam("If-Match") String ifMatch,
      @Valid @NotNull SaveStateRequest request) {
    byte[] state;
    try {
      state = Base64.getDecoder().decode(request.state());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("state", "must be base64");
    }
    String base = ifMatch != null ? ifMatch : request.baseDigest();
    return new StateResponse(null, attestations.saveState(runId, state, base));
  }
}
