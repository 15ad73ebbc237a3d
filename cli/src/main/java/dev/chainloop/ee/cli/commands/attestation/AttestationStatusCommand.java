package dev.chainloop.ee.cli.commands.attestation;

import dev.chainloop.ee.cli.attestation.CraftingState;
import dev.chainloop.ee.cli.client.model.PolicyEvaluation;
import dev.chainloop.ee.cli.commands.policy.PolicyView;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.LeafCommand;
import java.util.List;

public final class AttestationStatusCommand extends LeafCommand {
  @Override
  public boolean acceptsCiIdentity() {
    return true;
  }

  @Override
  public String name() {
    return "status";
  }

  @Override
  public String shortDescription() {
    return "check the status of the current attestation process";
  }

  @Override
  public void defineFlags(FlagSet flags) {
    flags.bool("full", "full report including current recorded values");
    AttestationView.stateFlag(flags);
    AttestationView.attestationIdFlag(flags);
  }

  @Override
  public void run(CliContext ctx) {
    CraftingState state = AttestationView.load(ctx).state();
    if (ctx.jsonOutput()) {
      ctx.printJson(AttestationView.statusJson(state, null));
      return;
    }
    ctx.print(AttestationView.status(state, null));
    ctx.print(AttestationView.materials(state, ctx.flags().bool("full")));
    if (!state.envVars().isEmpty()) {
      ctx.print(AttestationView.envVars(state));
    }
    List<PolicyEvaluation> evaluations = AttestationView.policyEvaluations(state);
    if (!evaluations.isEmpty()) {
      ctx.print(PolicyView.results(evaluations));
    }
  }
}
