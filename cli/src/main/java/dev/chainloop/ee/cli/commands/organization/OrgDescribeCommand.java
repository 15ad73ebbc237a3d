package dev.chainloop.ee.cli.commands.organization;

import dev.chainloop.ee.cli.client.model.Context;
import dev.chainloop.ee.cli.client.model.ContextOrganization;
import dev.chainloop.ee.cli.client.model.ContextUser;
import dev.chainloop.ee.cli.client.model.TokenRef;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.LeafCommand;
import dev.chainloop.ee.cli.output.Table;
import java.util.List;

public final class OrgDescribeCommand extends LeafCommand {
  @Override
  public String name() {
    return "describe";
  }

  @Override
  public List<String> aliases() {
    return List.of("current-context");
  }

  @Override
  public String shortDescription() {
    return "Describe the current organization";
  }

  @Override
  public void run(CliContext ctx) {
    Context context = ctx.api().context();
    if (ctx.jsonOutput()) {
      ctx.printJson(context);
      return;
    }
    ContextUser user = context.user();
    TokenRef apiToken = context.apiToken();
    ContextOrganization org = context.organization();
    String who =
        user.isEmpty()
            ? (apiToken.isEmpty() ? "" : "API token \"" + apiToken.name() + "\"")
            : user.email();
    Table t = Table.describe().title("Current Context").row("Logged in as", who);
    if (!org.isEmpty()) {
      t.row("Organization", org.name() + " (role=" + org.role() + ")");
    }
    ctx.print(t);
  }
}
