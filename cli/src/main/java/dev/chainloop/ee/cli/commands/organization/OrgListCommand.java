package dev.chainloop.ee.cli.commands.organization;

import dev.chainloop.ee.cli.client.model.Membership;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.LeafCommand;
import java.util.List;

public final class OrgListCommand extends LeafCommand {
  @Override
  public String name() {
    return "list";
  }

  @Override
  public List<String> aliases() {
    return List.of("ls");
  }

  @Override
  public String shortDescription() {
    return "List the organizations this user has access to";
  }

  @Override
  public void run(CliContext ctx) {
    List<Membership> memberships = ctx.api().memberships();
    if (ctx.jsonOutput()) {
      ctx.printJson(memberships);
    } else if (memberships.isEmpty()) {
      ctx.out()
          .println(
              "you are not part of any organization, please run \"chainloop organization create --name ORG_NAME\" to create one");
    } else {
      ctx.print(Memberships.table(memberships));
    }
  }
}
