package dev.chainloop.ee.cli.commands.attestation;

import dev.chainloop.ee.cli.attestation.Bundles;
import dev.chainloop.ee.cli.attestation.Keys;
import dev.chainloop.ee.cli.client.model.SigstoreCertificateAuthority;
import dev.chainloop.ee.cli.client.model.SigstoreTrustedRoot;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.CliException;
import dev.chainloop.ee.cli.framework.FileOrUrl;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.LeafCommand;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;

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
    Bundles.Verification v;
    if (ctx.flags().nonBlank("key").isPresent()) {
      PublicKey key = Keys.publicKey(Keys.read(ctx.flags().string("key"), ctx.env()));
      v = Bundles.verify(bundle, key, null, null);
    } else {
      // The control plane's TrustedRoot: its CAs (all that are trusted: the active one and those
      // still listed after a rotation) and the timestamp authorities' signers.
      SigstoreTrustedRoot root = ctx.anonymousApi().sigstoreTrustedRoot();
      List<X509Certificate> cas = leaves(root.certificateAuthorities());
      if (cas.isEmpty()) {
        throw new CliException("the control plane's trusted root lists no certificate authority");
      }
      v = Bundles.verify(bundle, null, cas, leaves(root.timestampAuthorities()));
    }
    if (!v.verified()) {
      throw new CliException("attestation verification failed: " + v.reason());
    }
    ctx.log().info("attestation verified");
    if (ctx.jsonOutput()) {
      ctx.printJson(v.statement());
    }
  }

  private static List<X509Certificate> leaves(List<SigstoreCertificateAuthority> authorities) {
    return authorities.stream()
        .map(a -> a.certChain().certificates())
        .filter(chain -> !chain.isEmpty())
        .map(chain -> Keys.certificate(Base64.getDecoder().decode(chain.get(0).rawBytes())))
        .toList();
  }
}
