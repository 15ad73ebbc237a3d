package dev.chainloop.ee.cli.commands.run;

import dev.chainloop.ee.cli.attestation.Bundles;
import dev.chainloop.ee.cli.attestation.Keys;
import dev.chainloop.ee.cli.client.model.AttestationInfo;
import dev.chainloop.ee.cli.client.model.CiJob;
import dev.chainloop.ee.cli.client.model.PolicyResults;
import dev.chainloop.ee.cli.client.model.Run;
import dev.chainloop.ee.cli.client.model.RunDetails;
import dev.chainloop.ee.cli.client.model.Verification;
import dev.chainloop.ee.cli.client.model.WorkflowRef;
import dev.chainloop.ee.cli.commands.policy.PolicyView;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.CliException;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.LeafCommand;
import dev.chainloop.ee.cli.framework.UsageException;
import dev.chainloop.ee.cli.output.Dates;
import dev.chainloop.ee.cli.output.Table;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

public final class RunDescribeCommand extends LeafCommand {
  static final String SIGNING_KEY_ENV = "CHAINLOOP_SIGNING_PUBLIC_KEY";

  @Override
  public String name() {
    return "describe";
  }

  @Override
  public String shortDescription() {
    return "View a workflow run and its attestation";
  }

  @Override
  public List<String> outputFormats() {
    return List.of("table", "json", "attestation", "statement", "payload-pae");
  }

  @Override
  public void defineFlags(FlagSet flags) {
    flags.string("id", "workflow Run ID");
    flags.string("digest", "content digest of the attestation").shorthand("d");
    flags.bool(
        "verify",
        "verify the attestation: with --key or --cert here, otherwise by the control plane");
    flags.string(
        "key",
        "public key used to verify the attestation (a cosign or PEM public key, path or env://VAR)."
            + " Note: You can also use env variable "
            + SIGNING_KEY_ENV);
    flags.string("cert", "public certificate in PEM format to be used to verify the attestation");
    flags.string(
        "cert-chain",
        "certificate chain (intermediates, root) in PEM format to be used to verify the"
            + " attestation");
  }

  @Override
  public void run(CliContext ctx) {
    String id = ctx.flags().string("id").trim();
    String digest = ctx.flags().string("digest").trim();
    if (id.isEmpty() == digest.isEmpty()) {
      throw new UsageException("one of --id or --digest is required");
    }
    boolean verify = ctx.flags().bool("verify");
    // as upstream, the key and certificate flags matter only with --verify
    Optional<PublicKey> localKey = verify ? localKey(ctx) : Optional.empty();
    boolean remoteVerify = verify && localKey.isEmpty();
    RunDetails d =
        id.isEmpty()
            ? ctx.api().runByDigest(digest, remoteVerify)
            : ctx.api().run(id, remoteVerify);
    AttestationInfo att = d.attestation();
    byte[] bundle = att.isEmpty() ? new byte[0] : Base64.getDecoder().decode(att.bundle());
    Optional<Bundles.Verification> local =
        verify && !att.isEmpty()
            ? localKey.map(k -> Bundles.verify(bundle, k, null, null))
            : Optional.empty();
    if (!ctx.outputFormat().equals("table")
        && !ctx.outputFormat().equals("json")
        && att.isEmpty()) {
      ctx.log().info("This run doesn't have an attestation, noop");
      return;
    }
    switch (ctx.outputFormat()) {
      case "json" -> ctx.printJson(d);
      case "attestation" -> ctx.printJson(Bundles.parse(bundle));
      case "statement" -> ctx.printJson(Bundles.statement(bundle));
      case "payload-pae" ->
          ctx.out().print(new String(Bundles.payloadPae(bundle), StandardCharsets.UTF_8));
      default -> {
        Run r = d.run();
        WorkflowRef wf = r.workflow();
        Table t = Table.describe().row("Workflow", wf.project() + "/" + wf.name());
        if (!r.version().isEmpty()) {
          t.row("Version", r.version().label());
        }
        t.row("Workflow run ID", r.id())
            .row("State", r.status())
            .row("Created At", Dates.rfc822(r.createdAt()))
            .row("Finished At", Dates.rfc822(r.finishedAt()))
            .row("Runner", r.runnerType());
        CiJob ci = r.ciIdentity();
        if (!ci.isEmpty()) {
          t.row("CI Identity", ci.subject())
              .row("CI Repository", ci.repository())
              .row("CI Ref", ci.ref())
              .row("CI Workflow", ci.workflow())
              .row("CI Run ID", ci.runId());
        }
        t.row("Digest", att.digest());
        Verification v = d.verification();
        if (local.isPresent()) {
          t.row("Verified", local.get().verified() ? "true" : "false: " + local.get().reason());
        } else if (!v.isEmpty()) {
          t.row("Verified", v.verified() ? "true" : "false: " + v.failureReason());
        }
        PolicyResults policies = d.policies();
        if (!policies.isEmpty()) {
          t.row("Policy Status", policies.status().toLowerCase(Locale.ROOT))
              .row("Policy Strategy", policies.strategy());
        }
        ctx.print(t);
        if (!policies.isEmpty()) {
          ctx.print(PolicyView.results(policies.evaluations()));
        }
      }
    }
    if (local.isPresent() && !local.get().verified()) {
      throw new CliException("attestation verification failed: " + local.get().reason());
    }
  }

  /**
   * The key {@code --key} (or {@value #SIGNING_KEY_ENV}) names, or the public key of {@code --cert}
   * once that certificate is checked against {@code --cert-chain}.
   */
  private static Optional<PublicKey> localKey(CliContext ctx) {
    Optional<String> key =
        ctx.flags()
            .nonBlank("key")
            .or(() -> Optional.ofNullable(ctx.env().get(SIGNING_KEY_ENV)).filter(k -> !k.isBlank()))
            .map(String::trim);
    Optional<String> cert = ctx.flags().nonBlank("cert").map(String::trim);
    if (key.isPresent() && cert.isPresent()) {
      throw new UsageException("--key and --cert cannot be used together");
    }
    if (key.isPresent()) {
      return Optional.of(Keys.publicKey(Keys.read(key.get(), ctx.env())));
    }
    if (cert.isEmpty()) {
      return Optional.empty();
    }
    X509Certificate leaf = pemCertificates(cert.get(), ctx).get(0);
    Optional<String> chain = ctx.flags().nonBlank("cert-chain").map(String::trim);
    if (chain.isPresent()) {
      List<X509Certificate> issuers = pemCertificates(chain.get(), ctx);
      X509Certificate child = leaf;
      for (X509Certificate issuer : issuers) {
        try {
          child.verify(issuer.getPublicKey());
        } catch (GeneralSecurityException e) {
          throw new CliException(
              "the certificate "
                  + child.getSubjectX500Principal().getName()
                  + " is not issued by "
                  + issuer.getSubjectX500Principal().getName()
                  + " in --cert-chain");
        }
        child = issuer;
      }
    }
    return Optional.of(leaf.getPublicKey());
  }

  private static List<X509Certificate> pemCertificates(String path, CliContext ctx) {
    List<X509Certificate> certs =
        Keys.blocks(Keys.read(path, ctx.env())).stream()
            .filter(b -> b.type().equals("CERTIFICATE"))
            .map(b -> Keys.certificate(b.der()))
            .toList();
    if (certs.isEmpty()) {
      throw new CliException("no PEM certificate found in " + path);
    }
    return certs;
  }
}
