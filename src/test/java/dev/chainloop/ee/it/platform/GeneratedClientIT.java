package dev.chainloop.ee.it.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chainloop.ee.cli.attestation.Bundles;
import dev.chainloop.ee.client.ApiClient;
import dev.chainloop.ee.client.ApiException;
import dev.chainloop.ee.client.api.ApiTokensApi;
import dev.chainloop.ee.client.api.AttestationsApi;
import dev.chainloop.ee.client.api.AuthApi;
import dev.chainloop.ee.client.api.OrganizationsApi;
import dev.chainloop.ee.client.api.WorkflowRunsApi;
import dev.chainloop.ee.client.api.WorkflowsApi;
import dev.chainloop.ee.client.model.ApiTokenResponse;
import dev.chainloop.ee.client.model.CreateApiTokenRequest;
import dev.chainloop.ee.client.model.CreateOrganizationRequest;
import dev.chainloop.ee.client.model.CreateWorkflowRequest;
import dev.chainloop.ee.client.model.InitRequest;
import dev.chainloop.ee.client.model.InitResponse;
import dev.chainloop.ee.client.model.LoginRequest;
import dev.chainloop.ee.client.model.RunPage;
import dev.chainloop.ee.client.model.SignupRequest;
import dev.chainloop.ee.client.model.StoreResponse;
import dev.chainloop.ee.client.model.WorkflowResponse;
import dev.chainloop.ee.it.support.Api;
import dev.chainloop.ee.it.support.Fixtures;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * A third-party integration written only against the Java client generated from docs/openapi.yaml
 * (openapi-generator, library "native"): no hand-written HTTP.
 */
class GeneratedClientIT {
  private static ApiClient client(String bearer) {
    ApiClient client = new ApiClient();
    client.updateBaseUri(Api.BASE_URL);
    if (bearer != null) {
      client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + bearer));
    }
    return client;
  }

  @Test
  void pipelineThroughTheGeneratedClient() throws Exception {
    String email = Fixtures.uniqueName("gen") + "@example.com";
    new AuthApi(client(null)).signup(new SignupRequest().email(email).password(Fixtures.PASSWORD));
    String userToken =
        new AuthApi(client(null))
            .login(new LoginRequest().email(email).password(Fixtures.PASSWORD))
            .getToken();
    new OrganizationsApi(client(userToken))
        .createOrganization(new CreateOrganizationRequest().name(Fixtures.uniqueName("gen-org")));

    ApiTokenResponse created =
        new ApiTokensApi(client(userToken))
            .createApiToken(new CreateApiTokenRequest().name("generated-client").expiresIn("24h"));
    String apiToken = created.getToken();
    assertThat(String.valueOf(created.getStatus())).isEqualTo("active");

    WorkflowResponse workflow =
        new WorkflowsApi(client(apiToken))
            .createWorkflow(
                new CreateWorkflowRequest()
                    .name("gen-wf")
                    .project("gen")
                    .createRobotAccount(false));
    assertThat(workflow.getName()).isEqualTo("gen-wf");

    InitResponse init =
        new AttestationsApi(client(apiToken))
            .initAttestation(new InitRequest().workflow("gen-wf").project("gen"));
    String runId = init.getAttestationId();

    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair pair = generator.generateKeyPair();
    byte[] bundle = Bundles.sign(statement(runId), pair.getPrivate(), pair.getPublic(), null);
    Object document = new ObjectMapper().readValue(bundle, Object.class);
    StoreResponse stored =
        new AttestationsApi(client(apiToken))
            .storeAttestation(
                runId,
                document,
                null,
                Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
    assertThat(stored.getDigest()).matches("sha256:[0-9a-f]{64}");
    assertThat(
            new WorkflowRunsApi(client(apiToken))
                .describeWorkflowRunByDigest(stored.getDigest(), true)
                .getVerification()
                .getVerified())
        .isTrue();

    RunPage runs =
        new WorkflowRunsApi(client(apiToken))
            .listWorkflowRuns(null, 10, null, null, "gen", null, null, "gen-wf");
    assertThat(runs.getItems())
        .anySatisfy(
            r -> {
              assertThat(r.getId()).isEqualTo(runId);
              assertThat(r.getState()).isEqualTo("success");
            });

    new ApiTokensApi(client(userToken)).revokeApiToken(created.getId());
    assertThatThrownBy(() -> new WorkflowsApi(client(apiToken)).listWorkflows(10, 1, null))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.getCode()).isEqualTo(401);
              assertThat(e.getResponseBody()).contains("revoked").contains("\"status\":401");
            });
  }

  private static byte[] statement(String runId) throws Exception {
    String subject =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256")
                    .digest(runId.getBytes(StandardCharsets.UTF_8)));
    return ("{\"_type\":\"https://in-toto.io/Statement/v1\",\"subject\":[{\"name\":\"chainloop.workflow.gen-wf\","
            + "\"digest\":{\"sha256\":\""
            + subject
            + "\"}}],\"predicateType\":\"chainloop.dev/attestation/v0.2\","
            + "\"predicate\":{\"metadata\":{\"workflowRunID\":\""
            + runId
            + "\",\"name\":\"gen-wf\"}}}")
        .getBytes(StandardCharsets.UTF_8);
  }
}
