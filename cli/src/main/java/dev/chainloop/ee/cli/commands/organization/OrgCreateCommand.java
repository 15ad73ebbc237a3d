package dev.chainloop.ee.cli.commands.organization;

import dev.chainloop.ee.cli.client.model.CreateOrganizationRequest;
import dev.chainloop.ee.cli.client.model.Organization;
import dev.chainloop.ee.cli.config.ConfigFile;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.NamedCommand;

public final class OrgCreateCommand extends NamedCommand {
  public OrgCreateCommand() {
    super("organization name");
  }

  @Override
  public String name() {
    return "create";
  }

  @Override
  public String shortDescription() {
    return "Create an organization";
  }

  @Override
  protected void run(CliContext ctx, String name) {
    Organization org = ctx.api().createOrganization(new CreateOrganizationRequest(name));
    String created = org.name().orElse(name);
    ctx.config().set(ConfigFile.ORGANIZATION, created);
    ctx.config().save();
    if (ctx.jsonOutput()) {
      ctx.printJson(org);
    }
    ctx.log().info("Organization \"" + created + "\" created!");
  }
}
