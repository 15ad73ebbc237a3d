package dev.chainloop.ee.cli.commands.attestation;

import dev.chainloop.ee.cli.Version;
import dev.chainloop.ee.cli.attestation.Bundles;
import dev.chainloop.ee.cli.attestation.Keys;
import dev.chainloop.ee.cli.attestation.Signers;
import dev.chainloop.ee.cli.attestation.Statement;
import dev.chainloop.ee.cli.client.ApiClient;
import dev.chainloop.ee.cli.client.Json;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.CliException;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.LeafCommand;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

public final class AttestationPushCommand extends LeafCommand {
  @Override
  public String name() {
    return "push";
  }

  @Override
  public String shortDescription() {
    return "generate and push the attestation to the control plane";
  }

  @Override
  public String example() {
    return """
          # sign with a local PEM key (passphrase in CHAINLOOP_SIGNING_PASSWORD if encrypted)
          chainloop attestation push --key cosign.key

          # keyless: an ephemeral key certified by the control plane
          chainloop attestation push""";
  }

  @Override
  public void defineFlags(FlagSet flags) {
    flags
        .string("key", "path to a PEM private key or env://VAR; keyless signing if not set")
        .shorthand("k");
    flags.strings("annotation", "additional annotation in the format of key=value");
    flags.string("bundle", "output file to write the Sigstore bundle to");
    AttestationView.stateFlag(flags);
    AttestationView.attestationIdFlag(flags);
  }

  @Override
  public void run(CliContext ctx) throws Exception {
    AttestationView.Loaded loaded = AttestationView.load(ctx);
    JsonObject state = loaded.state();
    Set<String> present =
        Json.objects(state.getJsonArray("materials")).stream()
            .map(m -> Json.str(m, "name"))
            .collect(Collectors.toSet());
    List<String> missing =
        Json.objects(state.getJsonArray("contractMaterials")).stream()
            .filter(s -> !Json.bool(s, "optional") && !present.contains(Json.str(s, "name")))
            .map(s -> Json.str(s, "name") + " (" + Json.str(s, "type") + ")")
            .toList();
    if (!missing.isEmpty()) {
      throw new CliException(
          "some materials have not been crafted yet: " + String.join(", ", missing));
    }
    state =
        jakarta.json.Json.createObjectBuilder(state)
            .add(
                "annotations",
                AttestationView.annotations(
                    ctx.flags().strings("annotation"), Json.obj(state, "annotations")))
            .build();
    byte[] statement =
        Statement.render(
            state,
            Instant.now(ctx.clock()).truncatedTo(ChronoUnit.SECONDS).toString(),
            Version.CLIENT);
    byte[] bundle = sign(ctx, statement);
    String digest = null;
    if (Json.bool(state, "dryRun")) {
      ctx.log().info("dry-run: the attestation was rendered but not pushed");
    } else {
      JsonObject stored =
          Json.asObject(
              ctx.api()
                  .sendBody(
                      "POST",
                      "/api/v1/attestations/"
                          + ApiClient.segment(Json.str(state, "attestationId"))
                          + "/store",
                      HttpRequest.BodyPublishers.ofByteArray(bundle),
                      "application/json"));
      digest = Json.str(stored, "digest");
    }
    if (ctx.flags().nonBlank("bundle").isPresent()) {
      Files.write(Path.of(ctx.flags().string("bundle")), bundle);
    }
    AttestationView.discard(ctx, loaded);
    if (digest != null) {
      ctx.log().info("Attestation pushed!");
    }
    if (ctx.jsonOutput()) {
      ctx.printJson(AttestationView.statusJson(state, digest));
    } else {
      ctx.print(AttestationView.status(state, digest));
      ctx.print(AttestationView.materials(state, true));
    }
  }

  private static byte[] sign(CliContext ctx, byte[] statement)
      throws GeneralSecurityException, IOException {
    if (ctx.flags().nonBlank("key").isPresent()) {
      String pem = Keys.read(ctx.flags().string("key"), ctx.env());
      KeyPair pair = Signers.fromPem(pem, ctx.env().get("CHAINLOOP_SIGNING_PASSWORD"));
      return Bundles.sign(statement, pair.getPrivate(), pair.getPublic(), null);
    }
    KeyPair pair = Signers.ephemeralP256();
    JsonObject chain =
        Json.asObject(
            ctx.api()
                .post(
                    "/api/v1/signing/certificates",
                    Json.object()
                        .add(
                            "publicKey",
                            Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()))
                        .build()));
    List<Keys.Block> certs = Keys.blocks(Json.str(chain, "chain"));
    if (certs.isEmpty()) {
      throw new CliException(
          "keyless signing not supported, please provide a private key reference with --key instead");
    }
    X509Certificate leaf = Keys.certificate(certs.get(0).der());
    return Bundles.sign(statement, pair.getPrivate(), pair.getPublic(), leaf);
  }
}
