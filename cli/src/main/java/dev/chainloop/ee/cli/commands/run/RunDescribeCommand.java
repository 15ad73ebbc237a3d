package dev.chainloop.ee.cli.commands.run;

import dev.chainloop.ee.cli.attestation.Bundles;
import dev.chainloop.ee.cli.client.model.AttestationInfo;
import dev.chainloop.ee.cli.client.model.PolicyResults;
import dev.chainloop.ee.cli.client.model.Run;
import dev.chainloop.ee.cli.client.model.RunDetails;
import dev.chainloop.ee.cli.client.model.Verification;
import dev.chainloop.ee.cli.client.model.WorkflowRef;
import dev.chainloop.ee.cli.commands.policy.PolicyView;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.LeafCommand;
import dev.chainloop.ee.cli.framework.UsageException;
import dev.chainloop.ee.cli.output.Dates;
import dev.chainloop.ee.cli.output.Table;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

public final class RunDescribeCommand extends LeafCommand {
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
    return List.of("table", "json", "statement", "attestation");
  }

  @Override
  public void defineFlags(FlagSet flags) {
    flags.string("id", "workflow run ID");
    flags.string("digest", "attestation digest");
    flags.bool("verify", "verify the attestation");
  }

  @Override
  public void run(CliContext ctx) {
    String id = ctx.flags().string("id").trim();
    String digest = ctx.flags().string("digest").trim();
    if (id.isEmpty() == digest.isEmpty()) {
      throw new UsageException("one of --id or --digest is required");
    }
    boolean verify = ctx.flags().bool("verify");
    RunDetails d = id.isEmpty() ? ctx.api().runByDigest(digest, verify) : ctx.api().run(id, verify);
    AttestationInfo att = d.attestation();
    byte[] bundle = att.isEmpty() ? new byte[0] : Base64.getDecoder().decode(att.bundle());
    switch (ctx.outputFormat()) {
      case "json" -> ctx.printJson(d);
      case "attestation" -> ctx.out().println(new String(bundle, StandardCharsets.UTF_8));
      case "statement" -> ctx.printJson(Bundles.statement(bundle));
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
            .row("Runner", r.runnerType())
            .row("Digest", att.digest());
        Verification v = d.verification();
        if (!v.isEmpty()) {
          t.row("Verified", v.verified() ? "true" : "false: " + v.failureReason());
        }
        PolicyResults policies = d.policies();
        if (!policies.isEmpty()) {
          t.row("Policy Status", policies.status().toLowerCase(java.util.Locale.ROOT))
              .row("Policy Strategy", policies.strategy());
        }
        ctx.print(t);
        if (!policies.isEmpty()) {
          ctx.print(PolicyView.results(policies.evaluations()));
        }
      }
    }
  }
}
