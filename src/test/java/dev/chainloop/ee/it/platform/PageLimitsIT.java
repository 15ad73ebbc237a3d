package dev.chainloop.ee.it.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chainloop.ee.it.support.Api;
import dev.chainloop.ee.it.support.Attestations;
import dev.chainloop.ee.it.support.Fixtures;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * L3: every list endpoint takes {@code limit} from 1 to 100 and refuses more with a 400 naming
 * {@code limit}; where the organization holds two items, {@code limit=1} answers exactly one.
 */
class PageLimitsIT {
  private static Fixtures.Account owner;
  private static String token;
  private static String workflowId;
  private static String digest;

  @BeforeAll
  static void setUp() {
    owner = Fixtures.ownerWithOrg();
    token = Fixtures.apiToken(owner);
    Fixtures.apiToken(owner);
    Api api = Api.withToken(token);
    for (String project : new String[] {"p1", "p2"}) {
      Api.Reply wf =
          api.post(
              "/api/v1/workflows",
              "{\"name\":\"w-" + project + "\",\"project\":\"" + project + "\"}");
      assertThat(wf.status()).as(wf.toString()).isEqualTo(201);
      workflowId = wf.json().getString("id");
    }
    String runId = null;
    for (String version : new String[] {"v1", "v2"}) {
      Api.Reply init =
          api.post(
              "/api/v1/attestations/init",
              "{\"workflow\":\"w-p1\",\"project\":\"p1\",\"version\":\"" + version + "\"}");
      assertThat(init.status()).as(init.toString()).isEqualTo(200);
      runId = init.json().getString("attestationId");
    }
    byte[] bundle = Attestations.bundle(runId, "limits");
    Api.Reply pushed =
        api.send(
            "POST",
            Attestations.storePath(runId),
            new String(bundle, StandardCharsets.UTF_8),
            "application/json");
    assertThat(pushed.status()).as(pushed.toString()).isEqualTo(200);
    digest = pushed.json().getString("digest");
    for (String receiver : new String[] {"a", "b"}) {
      Api.Reply invited =
          owner
              .api()
              .post(
                  "/api/v1/invitations",
                  "{\"receiver\":\"" + receiver + "-" + owner.email() + "\",\"role\":\"viewer\"}");
      assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
    }
  }

  /** Each list: path (without query), whether the owner's user token calls it, items it holds. */
  static Stream<Arguments> lists() {
    return Stream.of(
        Arguments.of("/api/v1/api-tokens", true, 2),
        Arguments.of("/api/v1/projects", false, 2),
        Arguments.of("/api/v1/projects/p1/versions", false, 2),
        Arguments.of("/api/v1/workflows", false, 2),
        Arguments.of("/api/v1/workflows/{workflow}/robot-accounts", true, 0),
        Arguments.of("/api/v1/workflow-runs", false, 2),
        Arguments.of("/api/v1/workflow-contracts", false, 2),
        Arguments.of("/api/v1/policies", false, 2),
        Arguments.of("/api/v1/policy-groups", false, 0),
        Arguments.of("/api/v1/invitations", true, 2),
        Arguments.of("/api/v1/members", true, 0),
        Arguments.of("/api/v1/memberships", true, 0),
        Arguments.of("/api/v1/audit-events", true, 2),
        Arguments.of("/api/v1/integrations/available", false, 2),
        Arguments.of("/api/v1/integrations/registered", true, 0),
        Arguments.of("/api/v1/integrations/attached", true, 0),
        Arguments.of("/api/v1/integrations/deliveries", true, 0),
        Arguments.of("/api/v1/discover/{digest}", false, 0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lists")
  void everyListTakesAtMostOneHundredPerPage(String template, boolean asUser, int held) {
    Api api = asUser ? owner.api() : Api.withToken(token);
    String path = template.replace("{workflow}", workflowId).replace("{digest}", digest);
    for (String tooMany : new String[] {"101", "100000", "0"}) {
      Api.Reply refused = api.get(path + "?limit=" + tooMany);
      assertThat(refused.status()).as("limit=" + tooMany + " " + refused).isEqualTo(400);
      assertThat(refused.json().getJsonArray("violations").getJsonObject(0).getString("field"))
          .isEqualTo("limit");
    }
    Api.Reply full = api.get(path + "?limit=100");
    assertThat(full.status()).as(full.toString()).isEqualTo(200);
    if (held > 1) {
      assertThat(items(full)).as(full.toString()).isGreaterThanOrEqualTo(held);
      Api.Reply one = api.get(path + "?limit=1");
      assertThat(one.status()).as(one.toString()).isEqualTo(200);
      assertThat(items(one)).as(one.toString()).isEqualTo(1);
    }
  }

  private static int items(Api.Reply reply) {
    JsonObject body = reply.json();
    return body.getJsonArray("items").size();
  }
}
