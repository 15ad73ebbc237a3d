package dev.chainloop.ee.cli.commands.member;

import dev.chainloop.ee.cli.client.model.Member;
import dev.chainloop.ee.cli.client.model.MemberPage;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.LeafCommand;
import dev.chainloop.ee.cli.output.Paging;
import java.util.List;

public final class MemberListCommand extends LeafCommand {
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
    return "List the members of the current organization";
  }

  @Override
  public void defineFlags(FlagSet flags) {
    flags.string("email", "filter by member email");
    flags.string("role", "filter by " + Roles.HELP);
    Paging.defineFlags(flags);
  }

  @Override
  public void run(CliContext ctx) {
    String role = ctx.flags().nonBlank("role").map(Roles::check).orElse("");
    Paging.Requested paging = Paging.requested(ctx);
    MemberPage response =
        ctx.api().members(ctx.flags().string("email").trim(), role, paging.page(), paging.limit());
    List<Member> members = response.items();
    if (ctx.jsonOutput()) {
      ctx.printJson(response);
      return;
    }
    if (members.isEmpty()) {
      ctx.out().println("there are no members matching the criteria");
      return;
    }
    ctx.print(MemberView.members(members));
    Paging.report(ctx, response, members.size());
  }
}
