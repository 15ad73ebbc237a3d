package dev.chainloop.ee.cli.commands.casbackend;

import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.FlagSet;
import jakarta.json.JsonObject;

public final class CasBackendUpdateOciCommand extends CasBackendUpdateCommand {
  @Override
  public String name() {
    return "oci";
  }

  @Override
  public String shortDescription() {
    return "Update a OCI CAS Backend description, credentials, default status, or max bytes";
  }

  @Override
  protected void defineProviderFlags(FlagSet flags) {
    flags.string("username", "registry username").shorthand("u");
    flags.string("password", "registry password").shorthand("p");
  }

  @Override
  protected JsonObject credentials(CliContext ctx) {
    return CasBackendFlags.credentials(ctx, "username", "username", "password", "password");
  }
}
