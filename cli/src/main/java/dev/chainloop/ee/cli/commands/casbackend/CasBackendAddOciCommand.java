package dev.chainloop.ee.cli.commands.casbackend;

import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.FlagSet;
import jakarta.json.JsonObject;

public final class CasBackendAddOciCommand extends CasBackendAddCommand {
  @Override
  public String name() {
    return "oci";
  }

  @Override
  public String shortDescription() {
    return "Register a OCI CAS Backend";
  }

  @Override
  protected void defineProviderFlags(FlagSet flags) {
    flags.string("repo", "FQDN repository name, including path").required();
    flags.string("username", "registry username").shorthand("u").required();
    flags.string("password", "registry password").shorthand("p").required();
  }

  @Override
  protected String provider() {
    return "OCI";
  }

  @Override
  protected String location(CliContext ctx) {
    return ctx.flags().string("repo").trim();
  }

  @Override
  protected JsonObject credentials(CliContext ctx) {
    return CasBackendFlags.credentials(ctx, "username", "username", "password", "password");
  }
}
