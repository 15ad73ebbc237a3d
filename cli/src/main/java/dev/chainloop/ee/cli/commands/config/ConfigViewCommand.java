package dev.chainloop.ee.cli.commands.config;

import dev.chainloop.ee.cli.config.ConfigFile;
import dev.chainloop.ee.cli.config.Settings;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.LeafCommand;
import jakarta.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;

public final class ConfigViewCommand extends LeafCommand {
  @Override
  public String name() {
    return "view";
  }

  @Override
  public String shortDescription() {
    return "View the current configuration";
  }

  @Override
  public void run(CliContext ctx) {
    Settings s = ctx.settings();
    Map<String, String> values = new LinkedHashMap<>();
    values.put("control-plane", s.controlPlane());
    values.put("organization", s.organization().orElse(""));
    values.put("api-insecure", s.insecure() ? "true" : "");
    values.put(
        "logged-in", ctx.config().getString(ConfigFile.AUTH_TOKEN).isPresent() ? "true" : "");
    values.values().removeIf(String::isEmpty);
    if (ctx.jsonOutput()) {
      var body = Json.createObjectBuilder().add("configFile", ctx.config().path().toString());
      values.forEach(body::add);
      ctx.printJson(body.build());
      return;
    }
    ctx.out().println("Config file: " + ctx.config().path());
    values.forEach((k, v) -> ctx.out().println(k + ": " + v));
  }
}
