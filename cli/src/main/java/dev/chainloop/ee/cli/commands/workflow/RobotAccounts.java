package dev.chainloop.ee.cli.commands.workflow;

import dev.chainloop.ee.cli.client.model.RobotAccount;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.output.Dates;
import dev.chainloop.ee.cli.output.Table;
import java.util.List;
import java.util.regex.Pattern;

/** Shared by the robot-account verbs. */
final class RobotAccounts {
  private static final Pattern UUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private RobotAccounts() {}

  /** {@code --workflow} as given if it is an id (the legacy form), else looked up by name. */
  static String workflowId(CliContext ctx) {
    String workflow = ctx.flags().string("workflow").trim();
    if (UUID.matcher(workflow).matches()) {
      return workflow;
    }
    return WorkflowView.find(ctx, workflow, ctx.flags().string("project").trim()).id();
  }

  static Table table(List<RobotAccount> accounts) {
    Table t = Table.withHeader("ID", "Name", "Workflow ID", "Created At", "Revoked At");
    for (RobotAccount a : accounts) {
      t.row(
          a.id(),
          a.name(),
          a.workflowId(),
          Dates.rfc822(a.createdAt()),
          Dates.rfc822(a.revokedAt()));
    }
    return t;
  }
}
