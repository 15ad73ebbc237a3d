package dev.chainloop.ee.cli.commands.attestation;

import dev.chainloop.ee.cli.Version;
import dev.chainloop.ee.cli.attestation.Bundles;
import dev.chainloop.ee.cli.attestation.CraftingState;
import dev.chainloop.ee.cli.attestation.GitHead;
import dev.chainloop.ee.cli.attestation.Keys;
import dev.chainloop.ee.cli.attestation.Material;
import dev.chainloop.ee.cli.attestation.Signers;
import dev.chainloop.ee.cli.attestation.Statement;
import dev.chainloop.ee.cli.client.model.CertificateChain;
import dev.chainloop.ee.cli.client.model.CertificateRequest;
import dev.chainloop.ee.cli.client.model.Stored;
import dev.chainloop.ee.cli.commands.policy.PolicyView;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.CliException;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.LeafCommand;
import java.io.IOException;
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
  public boolean acceptsCiIdentity() {
    return true;
  }

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
          # sign with a cosign or PKCS#8 key (passphrase in CHAINLOOP_SIGNING_PASSWORD or COSIGN_PASSWORD)
          chainloop attestation push --key cosign.key

          # keyless: an ephemeral key certified by the control plane, the signature timestamped
          chainloop attestation push""";
  }

  @Override
  public void defineFlags(FlagSet flags) {
    flags
        .string("key", "path to a PEM private key or env://VAR; keyless signing if not set")
        .shorthand("k");
    flags.strings("annotation", "additional annotation in the format of key=value");
    flags.string("bundle", "output file to write the Sigstore bundle to");
    flags.bool(
        "timestamp",
        "also timestamp a key-signed bundle with the control plane's timestamp authority (keyless"
            + " bundles always are)");
    flags.bool(
        "exception-bypass-policy-check",
        "do not fail this command on policy violations enforcement");
    // Upstream posts a summary to the CI platform (e.g. a PR comment); this CLI never does, so the
    // flag that turns it off has nothing to turn off.
    flags.bool(
        "deactivate-ci-report",
        "deactivate automatic attestation report to CI/CD platform (no-op: no report is posted)");
    AttestationView.stateFlag(flags);
    AttestationView.attestationIdFlag(flags);
  }

  @Override
  public void run(CliContext ctx) throws Exception {
    AttestationView.Loaded loaded = AttestationView.load(ctx);
    CraftingState state = loaded.state();
    Set<String> present =
        state.materials().stream().map(Material::name).collect(Collectors.toSet());
    List<String> missing =
        state.contractMaterials().stream()
            .filter(s -> !s.optional() && !present.contains(s.name()))
            .map(s -> s.name() + " (" + s.type() + ")")
            .toList();
    if (!missing.isEmpty()) {
      throw new CliException(
          "some materials have not been crafted yet: " + String.join(", ", missing));
    }
    state = state.withAnnotations(AttestationView.pushAnnotations(ctx, state));
    byte[] statement =
        Statement.render(
            state,
            Instant.now(ctx.clock()).truncatedTo(ChronoUnit.SECONDS).toString(),
            Version.CLIENT,
            GitHead.read(Path.of("").toAbsolutePath()),
            ctx.flags().bool("exception-bypass-policy-check"));
    Signed signed = sign(ctx, statement);
    byte[] bundle = signed.bundle();
    String digest = null;
    Stored stored = null;
    if (state.dryRun()) {
      ctx.log().info("dry-run: the attestation was rendered but not pushed");
    } else {
      stored =
          ctx.api()
              .storeAttestation(
                  state.attestationId(),
                  bundle,
                  ctx.flags().bool("exception-bypass-policy-check"),
                  signed.publicKey());
      digest = stored.digest();
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
      if (stored != null && !stored.policies().isEmpty()) {
        ctx.print(PolicyView.results(stored.policies()));
      }
    }
    if (stored != null && stored.policyStatus().orElse("").equals("BYPASSED")) {
      ctx.log().warn("policy violations bypassed with --exception-bypass-policy-check");
    }
  }

  /**
   * A signed bundle and, for a key-signed one, the public key it names by its hint (base64 DER),
   * which the control plane checks it with; null for keyless bundles, which carry their
   * certificate.
   */
  private record Signed(byte[] bundle, String publicKey) {}

  private static Signed sign(CliContext ctx, byte[] statement)
      throws GeneralSecurityException, IOException {
    if (ctx.flags().nonBlank("key").isPresent()) {
      String pem = Keys.read(ctx.flags().string("key"), ctx.env());
      KeyPair pair = Signers.fromPem(pem, Keys.Password.from(ctx.env()));
      return new Signed(
          Bundles.sign(
              statement,
              pair.getPrivate(),
              pair.getPublic(),
              null,
              ctx.flags().bool("timestamp") ? ctx.api()::timestamp : null),
          Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
    }
    KeyPair pair = Signers.ephemeralP256();
    CertificateChain chain =
        ctx.api()
            .signingCertificate(
                new CertificateRequest(
                    Base64.getEncoder().encodeToString(pair.getPublic().getEncoded())));
    List<Keys.Block> certs = Keys.blocks(chain.chain());
    if (certs.isEmpty()) {
      throw new CliException(
          "keyless signing not supported, please provide a private key reference with --key instead");
    }
    X509Certificate leaf = Keys.certificate(certs.get(0).der());
    return new Signed(
        Bundles.sign(statement, pair.getPrivate(), pair.getPublic(), leaf, ctx.api()::timestamp),
        null);
  }
}
