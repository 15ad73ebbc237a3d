package dev.chainloop.ee.it.attestation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chainloop.ee.cli.Main;
import dev.chainloop.ee.cli.attestation.Bundles;
import dev.chainloop.ee.cli.attestation.Keys;
import dev.chainloop.ee.cli.attestation.MaterialFixtures;
import dev.chainloop.ee.cli.attestation.Signers;
import dev.chainloop.ee.it.support.Api;
import dev.chainloop.ee.it.support.Fixtures;
import dev.chainloop.ee.shared.MaterialKinds;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pipeline as upstream users run it, through the real CLI against the started server: every one
 * of the 42 material kinds added, pushed signed with a key cosign made, verified with its public
 * half; the statement carries the checkout's git.head.
 */
class MaterialKindsIT {
  // cosign's own test key (sigstore/cosign pkg/cosign/keys_test.go, pemsigstorekey, "hello")
  private static final Path COSIGN_KEY = Path.of("cli/src/test/resources/cosign/sigstore.key");

  @TempDir Path home;

  record Run(int code, String out, String err) {}

  private Run cli(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = Main.run(args, env, new ByteArrayInputStream(new byte[0]), o, e);
    }
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void everyKindIsAddedPushedWithACosignKeyAndVerified() throws Exception {
    String token = Fixtures.apiToken(Fixtures.ownerWithOrg());
    Map<String, String> env = new HashMap<>();
    env.put("CHAINLOOP_CONTROL_PLANE_API", Api.BASE_URL);
    env.put("CHAINLOOP_TOKEN", token);
    env.put("COSIGN_PASSWORD", "hello");
    env.put("HOME", home.toString());
    env.put("XDG_CONFIG_HOME", home.resolve("xdg").toString());
    Files.createDirectories(home.resolve("tmp"));
    env.put("TMPDIR", home.resolve("tmp").toString());
    Path files = Files.createDirectories(home.resolve("files"));

    // an ATTESTATION material must be one stored in the organization: push one first
    Path earlier = home.resolve("earlier.json");
    assertThat(cli(env, "attestation", "init", "--workflow", "earlier", "--project", "core").code())
        .isZero();
    assertThat(cli(env, "attestation", "add", "--name", "v", "--value", "1.0").code()).isZero();
    Run first =
        cli(
            env,
            "attestation",
            "push",
            "--key",
            COSIGN_KEY.toAbsolutePath().toString(),
            "--bundle",
            earlier.toString());
    assertThat(first.code()).as(first.err()).isZero();

    Run init = cli(env, "attestation", "init", "--workflow", "all-kinds", "--project", "core");
    assertThat(init.code()).as(init.err()).isZero();
    List<String> kinds = MaterialKinds.ALL;
    for (int i = 0; i < kinds.size(); i++) {
      String kind = kinds.get(i);
      String value =
          kind.equals("ATTESTATION") ? earlier.toString() : MaterialFixtures.valid(kind, files);
      Run add = cli(env, "attestation", "add", "--name", "m" + i, "--kind", kind, "--value", value);
      assertThat(add.code()).as(kind + ": " + add.err()).isZero();
    }
    Run wrong =
        cli(
            env,
            "attestation",
            "add",
            "--kind",
            "GITLEAKS_JSON",
            "--value",
            MaterialFixtures.wrong(files));
    assertThat(wrong.err()).contains("invalid material of kind GITLEAKS_JSON");

    Path bundle = home.resolve("bundle.json");
    Run push =
        cli(
            env,
            "attestation",
            "push",
            "--key",
            COSIGN_KEY.toAbsolutePath().toString(),
            "--bundle",
            bundle.toString());
    assertThat(push.code()).as(push.err()).isZero();

    var pair =
        Signers.fromPem(
            Files.readString(COSIGN_KEY), Keys.Password.from(Map.of("COSIGN_PASSWORD", "hello")));
    Path pub = home.resolve("cosign.pub");
    Files.writeString(pub, Keys.pem("PUBLIC KEY", pair.getPublic().getEncoded()));
    Run verify =
        cli(env, "attestation", "verify", "--bundle", bundle.toString(), "--key", pub.toString());
    assertThat(verify.code()).as(verify.err()).isZero();

    JsonObject statement = Bundles.statement(Files.readAllBytes(bundle));
    assertThat(statement.getJsonObject("predicate").getJsonArray("materials")).hasSize(42);
    // the ITs run in this project's git checkout: its HEAD is the git.head subject
    assertThat(
            statement.getJsonArray("subject").stream()
                .map(JsonValue::asJsonObject)
                .map(s -> s.getString("name")))
        .contains("git.head");
  }
}
