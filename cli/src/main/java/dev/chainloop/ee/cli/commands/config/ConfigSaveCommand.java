package dev.chainloop.ee.cli.commands.config;

import dev.chainloop.ee.cli.client.TrustedCa;
import dev.chainloop.ee.cli.config.ConfigFile;
import dev.chainloop.ee.cli.config.Settings;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.GlobalFlags;
import dev.chainloop.ee.cli.framework.LeafCommand;

public final class ConfigSaveCommand extends LeafCommand {
  @Override
  public String name() {
    return "save";
  }

  @Override
  public String shortDescription() {
    return "Persist the current settings to the config file";
  }

  @Override
  public String example() {
    return "  chainloop config save --control-plane cp.example.com:443 --org acme";
  }

  @Override
  public void run(CliContext ctx) {
    Settings s = ctx.settings();
    ConfigFile config = ctx.config();
    config.set(ConfigFile.CONTROL_PLANE, s.controlPlane());
    if (s.insecure()) {
      config.set(ConfigFile.INSECURE, true);
    } else {
      config.remove(ConfigFile.INSECURE);
    }
    s.organization().ifPresent(org -> config.set(ConfigFile.ORGANIZATION, org));
    // as upstream: the CA's PEM text, so the saved config does not depend on the file staying put
    s.controlPlaneCa()
        .ifPresent(
            ca ->
                config.set(
                    ConfigFile.CONTROL_PLANE_CA,
                    TrustedCa.pemContent(ca, "--" + GlobalFlags.CONTROL_PLANE_CA)));
    config.save();
    ctx.log().info("Config saved to " + config.path());
  }
}
