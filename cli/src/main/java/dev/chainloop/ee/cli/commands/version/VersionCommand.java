package dev.chainloop.ee.cli.commands.version;

import dev.chainloop.ee.cli.Version;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.CliException;
import dev.chainloop.ee.cli.framework.LeafCommand;
import jakarta.json.Json;

public final class VersionCommand extends LeafCommand {
  @Override
  public String name() {
    return "version";
  }

  @Override
  public String shortDescription() {
    return "Command line version";
  }

  @Override
  public void run(CliContext ctx) {
    String server = null;
    try {
      server = ctx.anonymousApi().status().version();
    } catch (CliException e) {
      ctx.log().warn("could not get the server version: " + e.getMessage());
    }
    if (ctx.jsonOutput()) {
      var body = Json.createObjectBuilder().add("client", Version.CLIENT);
      if (server != null) {
        body.add("server", server);
      }
      ctx.printJson(body.build());
      return;
    }
    ctx.out().println("Client Version: " + Version.CLIENT);
    if (server != null) {
      ctx.out().println("Server Version: " + server);
    }
  }
}
