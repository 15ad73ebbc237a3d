package dev.chainloop.ee.cli.commands.run;

import dev.chainloop.ee.cli.client.ApiClient;
import dev.chainloop.ee.cli.client.Json;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.LeafCommand;
import dev.chainloop.ee.cli.framework.UsageException;
import dev.chainloop.ee.cli.output.Dates;
import dev.chainloop.ee.cli.output.Table;
import jakarta.json.JsonObject;
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
    String path =
        id.isEmpty()
            ? "/api/v1/workflow-runs/by-digest/" + ApiClient.segment(digest)
            : "/api/v1/workflow-runs/" + ApiClient.segment(id);
    JsonObject d =
        Json.asObject(ctx.api().get(path + (ctx.flags().bool("verify") ? "?verify=true" : "")));
    JsonObject att = Json.obj(d, "attestation");
    byte[] bundle =
        att.isEmpty() ? new byte[0] : Base64.getDecoder().decode(Json.str(att, "bundle"));
    switch (ctx.outputFormat()) {
      case "json" -> ctx.printJson(d);
      case "attestation" -> ctx.out().println(new String(bundle, StandardCharsets.UTF_8));
      case "statement" -> {
        JsonObject b =
            jakarta.json.Json.createReader(new java.io.ByteArrayInputStream(bundle)).readObject();
        String payload = Json.str(Json.obj(b, "dsseEnvelope"), "payload");
        ctx.printJson(
            jakarta.json.Json.createReader(
                    new java.io.ByteArrayInputStream(Base64.getDecoder().decode(payload)))
                .readObject());
      }
      default -> {
        JsonObject r = Json.obj(d, "run");
        JsonObject wf = Json.obj(r, "workflow");
        Table t =
            Table.describe()
                .row("Workflow", Json.str(wf, "project") + "/" + Json.str(wf, "name"))
                .row("Workflow run ID", Json.str(r, "id"))
                .row("State", Json.str(r, "status"))
                .row("Created At", Dates.rfc822(Json.str(r, "createdAt")))
                .row("Finished At", Dates.rfc822(Json.str(r, "finishedAt")))
                .row("Runner", Json.str(r, "runnerType"))
                .row("Digest", Json.str(att, "digest"));
        JsonObject v = Json.obj(d, "verification");
        if (!v.isEmpty()) {
          t.row(
              "Verified",
              Json.bool(v, "verified") ? "true" : "false: " + Json.str(v, "failureReason"));
        }
        ctx.print(t);
      }
    }
  }
}
