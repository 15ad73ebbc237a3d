package dev.chainloop.ee.cli.commands.apitoken;

import dev.chainloop.ee.cli.client.model.ApiToken;
import dev.chainloop.ee.cli.output.Dates;
import dev.chainloop.ee.cli.output.Table;
import java.util.Arrays;
import java.util.List;

/** Table rendering shared by the api-token verbs. */
final class ApiTokenView {
  private ApiTokenView() {}

  static Table table(List<ApiToken> tokens, boolean withStatus) {
    String[] header = {
      "ID",
      "Name",
      "Scope",
      "Description",
      "Created At",
      "Expires At",
      "Revoked At",
      "Last Used At",
      "Status"
    };
    int columns = withStatus ? header.length : header.length - 1;
    Table t = Table.withHeader(Arrays.copyOf(header, columns));
    for (ApiToken token : tokens) {
      Object[] cells = {
        token.id(),
        token.name(),
        scope(token),
        token.description(),
        Dates.rfc822(token.createdAt()),
        Dates.rfc822(token.expiresAt()),
        Dates.rfc822(token.revokedAt()),
        Dates.rfc822(token.lastUsedAt()),
        token.status()
      };
      t.row(Arrays.copyOf(cells, columns));
    }
    return t;
  }

  static String scope(ApiToken token) {
    String scope = token.scope();
    if (!scope.isEmpty()) {
      return scope;
    }
    String project = token.project().name();
    return project.isEmpty() ? "global" : "project/" + project;
  }
}
