package dev.chainloop.ee.cli.commands.attestation;

import dev.chainloop.ee.cli.attestation.CraftingState;
import dev.chainloop.ee.cli.client.model.CancelRequest;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.LeafCommand;
import dev.chainloop.ee.cli.framework.UsageException;

public final class AttestationResetCommand extends LeafCommand {
  @Override
  public boolean acceptsCiIdentity() {
    return true;
  }

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
    CraftingState state = loaded.state();
    if (!state.dryRun()) {
      ctx.api()
          .cancelAttestation(
              state.attestationId(), new CancelRequest(trigger, ctx.flags().string("reason")));
    }
    AttestationView.discard(ctx, loaded);
    ctx.log().info("Attestation " + (trigger.equals("failure") ? "marked as failed" : "canceled"));
  }
}
