package dev.chainloop.ee.it.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chainloop.ee.cli.attestation.Keys;
import dev.chainloop.ee.cli.attestation.Signers;
import dev.chainloop.ee.it.support.Api;
import dev.chainloop.ee.it.support.Cli;
import dev.chainloop.ee.it.support.Fixtures;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where policy results show, through the real CLI: WRN lines at {@code attestation add}, the
 * Policies section of {@code attestation status} and push, {@code discover}; and {@code policy
 * develop eval} giving the server's verdict for the same policy and material, locally.
 */
class PolicyFeedbackIT {
  private final Fixtures.Account owner = Fixtures.ownerWithOrg();
  private final String token = Fixtures.apiToken(owner);
  private final Cli cli = new Cli();

  private static final String LICENSE_POLICY =
      """
      apiVersion: workflowcontract.chainloop.dev/v1
      kind: Policy
      metadata:
        name: no-copyleft
        description: no component under a banned license
      spec:
        inputs:
          - name: banned
            required: true
        policies:
          - kind: SBOM_CYCLONEDX_JSON
            cel: |
              material.components.filter(c, has(c.licenses) && c.licenses.exists(l,
                has(l.license.id) && l.license.id in input.banned.split(",")))
                .map(c, "component " + c.name + "@" + c.version + " is " + c.licenses[0].license.id)
      """;

  private static final String MATERIALS_POLICY =
      """
      apiVersion: workflowcontract.chainloop.dev/v1
      kind: Policy
      metadata:
        name: has-version-material
      spec:
        policies:
          - kind: ATTESTATION
            cel: |
              material.predicate.materials.exists(m, m.annotations["chainloop.material.name"] == "version")
                ? [] : ["the attestation has no version material"]
      """;

  /** A million iterations: stopped by the cost or the time limit, either way a violation. */
  private static final String HOSTILE_POLICY =
      """
      apiVersion: workflowcontract.chainloop.dev/v1
      kind: Policy
      metadata:
        name: hostile
      spec:
        policies:
          - kind: SBOM_CYCLONEDX_JSON
            cel: |
              [0,1,2,3,4,5,6,7,8,9].map(a, [0,1,2,3,4,5,6,7,8,9].map(b, [0,1,2,3,4,5,6,7,8,9].map(c,
                [0,1,2,3,4,5,6,7,8,9].map(d, [0,1,2,3,4,5,6,7,8,9].map(e,
                [0,1,2,3,4,5,6,7,8,9].map(f, a + b + c + d + e + f)))))).size() > 0 ? [] : []
      """;

  private static final String CONTRACT =
      """
      apiVersion: chainloop.dev/v1
      kind: Contract
      metadata:
        name: feedback
      spec:
        materials:
          - {type: SBOM_CYCLONEDX_JSON, name: sbom}
          - {type: STRING, name: version, optional: true}
        policies:
          materials:
            - ref: no-copyleft
              with: {banned: "AGPL-3.0-only,GPL-3.0-only"}
            - ref: hostile
          attestation:
            - ref: has-version-material
      """;

  private static String sbom(String license) {
    return """
        {"bomFormat": "CycloneDX", "specVersion": "1.5", "version": 1, "components": [
          {"type": "library", "name": "ok-lib", "version": "2.0",
           "licenses": [{"license": {"id": "MIT"}}]},
          {"type": "library", "name": "lib", "version": "1.0",
           "licenses": [{"license": {"id": "%s"}}]}]}
        """
        .formatted(license);
  }

  private Path write(String name, String text) throws IOException {
    Path p = cli.home().resolve(name);
    Files.writeString(p, text);
    return p;
  }

  private Path key() throws IOException {
    Path key = cli.home().resolve("cosign.key");
    if (!Files.exists(key)) {
      KeyPair pair = Signers.ephemeralP256();
      Files.writeString(
          key,
          Keys.pem("PRIVATE KEY", pair.getPrivate().getEncoded())
              + Keys.pem("PUBLIC KEY", pair.getPublic().getEncoded()));
    }
    return key;
  }

  private Cli.Result ok(String... args) {
    Cli.Result r = cli.run(args);
    assertThat(r.exitCode()).as(r.toString()).isZero();
    return r;
  }

  private void setUp() throws IOException {
    Path docs =
        write(
            "policies.yaml",
            LICENSE_POLICY
                + "---\n"
                + MATERIALS_POLICY
                + "---\n"
                + HOSTILE_POLICY
                + "---\n"
                + CONTRACT);
    ok("apply", "-f", docs.toString(), "--token", token);
    ok(
        "wf",
        "create",
        "--name",
        "fb",
        "--project",
        "fb",
        "--contract",
        "feedback",
        "-s",
        "--token",
        token);
  }

  private static JsonObject json(String text) {
    try (var r = Json.createReader(new StringReader(text))) {
      return r.readObject();
    }
  }

  private static List<String> strings(JsonValue array) {
    return ((JsonArray) array)
        .getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
  }

  /** The violations a run's stored results list for {@code policy}. */
  private static List<String> stored(JsonObject policies, String policy) {
    return policies.getJsonArray("evaluations").getValuesAs(JsonObject.class).stream()
        .filter(e -> e.getString("policy").equals(policy))
        .findFirst()
        .map(e -> strings(e.get("violations")))
        .orElseThrow(() -> new AssertionError("no result for " + policy + " in " + policies));
  }

  private List<String> localEval(Path policyFile, Path material, String kind, String... more) {
    String[] args = new String[9 + more.length];
    System.arraycopy(
        new String[] {
          "policy",
          "develop",
          "eval",
          "--policy",
          policyFile.toString(),
          "--material",
          material.toString(),
          "--kind",
          kind
        },
        0,
        args,
        0,
        9);
    System.arraycopy(more, 0, args, 9, more.length);
    Cli.Result r = ok(args);
    return strings(json(r.stdout()).getJsonObject("result").get("violations"));
  }

  @Test
  void addWarnsStatusAndPushShowThePoliciesAndLocalEvalAgreesWithTheServer() throws IOException {
    setUp();
    ok("att", "init", "--workflow", "fb", "--token", token);
    Path sbom = write("sbom.cdx.json", sbom("AGPL-3.0-only"));

    Cli.Result add =
        ok("att", "add", "--name", "sbom", "--value", sbom.toString(), "--token", token);
    assertThat(add.stderr())
        .contains("WRN policy no-copyleft on sbom: component lib@1.0 is AGPL-3.0-only");
    assertThat(add.stdout()).contains("Policy evaluations").contains("no-copyleft");

    Cli.Result status = ok("att", "status", "--token", token);
    assertThat(status.stdout())
        .contains("Policies")
        .contains("no-copyleft")
        .contains("component lib@1.0 is AGPL-3.0-only");

    Path bundle = cli.home().resolve("bundle.json");
    Cli.Result push =
        ok(
            "att",
            "push",
            "--key",
            key().toString(),
            "--bundle",
            bundle.toString(),
            "--token",
            token);
    assertThat(push.stdout())
        .contains("component lib@1.0 is AGPL-3.0-only")
        .contains("has-version-material")
        .contains("the attestation has no version material")
        .contains("hostile")
        .contains("evaluation stopped: ");

    String runId =
        ok("wf", "run", "list", "--workflow", "fb", "--token", token)
            .stdout()
            .lines()
            .filter(l -> l.contains("fb/fb"))
            .findFirst()
            .orElseThrow()
            .split("│")[1]
            .trim();
    JsonObject described =
        json(ok("wf", "run", "describe", "--id", runId, "-o", "json", "--token", token).stdout());
    JsonObject policies = described.getJsonObject("policies");

    List<String> serverMaterial = stored(policies, "no-copyleft");
    assertThat(serverMaterial).containsExactly("component lib@1.0 is AGPL-3.0-only");
    Path policyFile = write("no-copyleft.yaml", LICENSE_POLICY);
    assertThat(
            localEval(
                policyFile,
                sbom,
                "SBOM_CYCLONEDX_JSON",
                "--input",
                "banned=AGPL-3.0-only,GPL-3.0-only"))
        .isEqualTo(serverMaterial);

    List<String> serverStatement = stored(policies, "has-version-material");
    assertThat(serverStatement).containsExactly("the attestation has no version material");
    assertThat(localEval(write("att.yaml", MATERIALS_POLICY), bundle, "ATTESTATION"))
        .isEqualTo(serverStatement);

    // discover: the attestation's node carries its run's policy results
    String digest = described.getJsonObject("attestation").getString("digest");
    JsonObject node = json(ok("discover", "--digest", digest, "--token", token).stdout());
    assertThat(node.getJsonObject("policies").getString("status")).isEqualTo("FAILED");
    assertThat(stored(node.getJsonObject("policies"), "no-copyleft")).isEqualTo(serverMaterial);
  }

  @Test
  void aCompliantSbomPassesOnTheServerAndLocally() throws IOException {
    setUp();
    ok("att", "init", "--workflow", "fb", "--token", token);
    Path sbom = write("sbom.cdx.json", sbom("Apache-2.0"));
    Cli.Result add =
        ok("att", "add", "--name", "sbom", "--value", sbom.toString(), "--token", token);
    assertThat(add.stderr()).doesNotContain("no-copyleft");
    ok("att", "add", "--name", "version", "--value", "1.0.0", "--token", token);
    Path bundle = cli.home().resolve("bundle.json");
    ok("att", "push", "--key", key().toString(), "--bundle", bundle.toString(), "--token", token);

    // the hostile policy's stopped evaluation is a violation: a policy that cannot decide fails
    String runId =
        ok("wf", "run", "list", "--workflow", "fb", "--policy-status", "failed", "--token", token)
            .stdout()
            .lines()
            .filter(l -> l.contains("fb/fb"))
            .findFirst()
            .orElseThrow()
            .split("│")[1]
            .trim();
    JsonObject policies =
        json(ok("wf", "run", "describe", "--id", runId, "-o", "json", "--token", token).stdout())
            .getJsonObject("policies");
    assertThat(stored(policies, "no-copyleft")).isEmpty();
    assertThat(stored(policies, "has-version-material")).isEmpty();
    assertThat(stored(policies, "hostile"))
        .singleElement()
        .asString()
        .startsWith("evaluation stopped: ");

    Path policyFile = write("no-copyleft.yaml", LICENSE_POLICY);
    assertThat(
            localEval(policyFile, sbom, "SBOM_CYCLONEDX_JSON", "--input", "banned=AGPL-3.0-only"))
        .isEmpty();
    assertThat(localEval(write("att.yaml", MATERIALS_POLICY), bundle, "ATTESTATION")).isEmpty();
    assertThat(localEval(write("hostile.yaml", HOSTILE_POLICY), sbom, "SBOM_CYCLONEDX_JSON"))
        .singleElement()
        .asString()
        .startsWith("evaluation stopped: ");
  }

  @Test
  void aProgramThatDoesNotCompileIsA400NamingTheRule() throws IOException {
    Api.Reply r =
        owner
            .api()
            .header("Chainloop-Organization", owner.org())
            .post(
                "/api/v1/policies/apply",
                Json.createObjectBuilder()
                    .add("body", LICENSE_POLICY.replace(".map(c,", ".map(c,,"))
                    .build()
                    .toString());
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    JsonObject problem = json(r.body());
    assertThat(problem.getString("detail")).contains("policy \"no-copyleft\" does not compile");
    assertThat(problem.getJsonArray("violations").getJsonObject(0).getString("field"))
        .isEqualTo("spec.policies[0].cel");
  }
}
