package dev.chainloop.ee.cli.commands.attestation;

import dev.chainloop.ee.cli.client.ApiClient;
import dev.chainloop.ee.cli.client.Json;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.LeafCommand;
import dev.chainloop.ee.cli.framework.UsageException;
import jakarta.json.JsonObject;

public final class AttestationResetCommand extends LeafCommand {
  @Override
  public String name() {
    return "reset";
  }

  @Override
  public String shortDescription() {
    return "mark current attestation process as canceled or failed";
  }

  @Override
  public void defineFlags(FlagSet flags) {
    flags
        .string("trigger", "trigger for the reset, valid options are failure and cancellation")
        .defaultValue("failure");
    flags.string("reason", "reset reason");
    AttestationView.stateFlag(flags);
    AttestationView.attestationIdFlag(flags);
  }

  @Override
  public void run(CliContext ctx) {
    String trigger = ctx.flags().string("trigger").trim();
    if (!trigger.equals("failure") && !trigger.equals("cancellation")) {
      throw new UsageException(
          "invalid --trigger \"" + trigger + "\": valid options are failure and cancellation");
    }
    AttestationView.Loaded loaded = AttestationView.load(ctx);
    JsonObject state = loaded.state();
    if (!Json.bool(state, "dryRun")) {
      ctx.api()
          .post(
              "/api/v1/attestations/"
                  + ApiClient.segment(Json.str(state, "attestationId"))
                  + "/cancel",
              Json.object()
                  .add("trigger", trigger)
                  .add("reason", ctx.flags().string("reason"))
                  .build());
    }
    AttestationView.discard(ctx, loaded);
    ctx.log().info("Attestation " + (trigger.equals("failure") ? "marked as failed" : "canceled"));
  }
}
