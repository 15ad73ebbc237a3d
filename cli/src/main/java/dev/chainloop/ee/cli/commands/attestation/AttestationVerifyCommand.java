package dev.chainloop.ee.cli.commands.attestation;

import dev.chainloop.ee.cli.attestation.Bundles;
import dev.chainloop.ee.cli.attestation.Keys;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.CliException;
import dev.chainloop.ee.cli.framework.FileOrUrl;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.LeafCommand;
import java.security.PublicKey;
import java.security.cert.X509Certificate;

public final class AttestationVerifyCommand extends LeafCommand {
  @Override
  public String name() {
    return "verify";
  }

  @Override
  public String shortDescription() {
    return "verify an attestation bundle, offline with a public key or against the control plane's CA";
  }

  @Override
  public String example() {
    return """
          # verify local attestation
          chainloop attestation verify --bundle attestation.json

          # verify an attestation stored in an https endpoint
          chainloop attestation verify -b https://myrepository/attestation.json""";
  }

  @Override
  public void defineFlags(FlagSet flags) {
    flags.string("bundle", "bundle path or URL").shorthand("b").required();
    flags
        .string(
            "key", "path to the PEM public key (or certificate) of the signer; keyless if not set")
        .shorthand("k");
  }

  @Override
  public void run(CliContext ctx) throws Exception {
    byte[] bundle = FileOrUrl.read(ctx.flags().string("bundle").trim(), "the bundle");
    PublicKey key = null;
    X509Certificate root = null;
    if (ctx.flags().nonBlank("key").isPresent()) {
      key = Keys.publicKey(Keys.read(ctx.flags().string("key"), ctx.env()));
    } else {
      String pem = ctx.anonymousApi().trustedRoot().certificate();
      root = Keys.certificate(Keys.blocks(pem).get(0).der());
    }
    Bundles.Verification v = Bundles.verify(bundle, key, root);
    if (!v.verified()) {
      throw new CliException("attestation verification failed: " + v.reason());
    }
    ctx.log().info("attestation verified");
    if (ctx.jsonOutput()) {
      ctx.printJson(v.statement());
    }
  }
}
