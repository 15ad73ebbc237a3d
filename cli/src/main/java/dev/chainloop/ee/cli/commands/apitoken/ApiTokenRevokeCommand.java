package dev.chainloop.ee.cli.commands.apitoken;

import dev.chainloop.ee.cli.client.model.ApiToken;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.CliException;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.LeafCommand;
import dev.chainloop.ee.cli.framework.UsageException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

public final class ApiTokenRevokeCommand extends LeafCommand {

  @Override
  public String name() {
    return "revoke";
  }

  @Override
  public String shortDescription() {
    return "revoke API token";
  }

  @Override
  public void defineFlags(FlagSet flags) {
    flags.string("id", "API token ID");
    flags.string("name", "API token name (an active token)");
  }

  @Override
  public void run(CliContext ctx) {
    Optional<String> id = ctx.flags().nonBlank("id").map(String::trim);
    Optional<String> name = ctx.flags().nonBlank("name").map(String::trim);
    if (id.isPresent() == name.isPresent()) {
      throw new UsageException("exactly one of --id or --name is required");
    }
    String tokenId =
        id.map(ApiTokenRevokeCommand::checkUuid).orElseGet(() -> findActiveByName(ctx, name.get()));
    ctx.api().revokeApiToken(tokenId);
    ctx.log().info("API token revoked!");
  }

  private static String checkUuid(String id) {
    try {
      UUID.fromString(id);
      return id;
    } catch (IllegalArgumentException e) {
      throw new UsageException("invalid API token id \"" + id + "\": expected a UUID");
    }
  }

  private static String findActiveByName(CliContext ctx, String name) {
    List<ApiToken> matches =
        ctx.api().apiTokens("active", "", "").stream().filter(t -> name.equals(t.name())).toList();
    if (matches.isEmpty()) {
      throw new CliException("no active API token named \"" + name + "\" in this organization");
    }
    if (matches.size() > 1) {
      throw new CliException(
          "several active API tokens are named \"" + name + "\", revoke by --id instead");
    }
    return matches.get(0).id();
  }
}
