package dev.chainloop.ee.cli.commands.integration;

import dev.chainloop.ee.cli.client.model.RegisterIntegrationRequest;
import dev.chainloop.ee.cli.client.model.RegisteredIntegration;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.LeafCommand;
import java.util.List;

public final class RegisteredIntegrationAddCommand extends LeafCommand {
  @Override
  public String name() {
    return "add";
  }

  @Override
  public List<String> arguments() {
    return List.of("INTEGRATION_ID");
  }

  @Override
  public String shortDescription() {
    return "Register a new instance of an integration";
  }

  @Override
  public String example() {
    return """
          chainloop integration registered add dependency-track --name send-to-prod --opt instanceURI=https://deptrack.company.com,apiKey=1234567890

          chainloop integration registered add webhook --name ci-events --opt url=https://hooks.company.com/chainloop --opt secret=s3cr3t""";
  }

  @Override
  public void defineFlags(FlagSet flags) {
    flags
        .string("name", "unique registration name, i.e my-registration, sboms-to-prod, etc.")
        .required();
    flags.string("description", "integration registration description");
    flags.stringArray("opt", "integration arguments");
  }

  @Override
  public void run(CliContext ctx) {
    RegisteredIntegration created =
        ctx.api()
            .registerIntegration(
                new RegisterIntegrationRequest(
                    ctx.flags().arguments().get(0).trim(),
                    ctx.flags().string("name").trim(),
                    ctx.flags().optional("description").orElse(null),
                    IntegrationOptions.parse(ctx.flags().strings("opt"))));
    if (ctx.jsonOutput()) {
      ctx.printJson(created);
      return;
    }
    ctx.print(RegisteredIntegrationListCommand.table(List.of(created)));
  }
}
