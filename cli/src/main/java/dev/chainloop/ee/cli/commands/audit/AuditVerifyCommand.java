package dev.chainloop.ee.cli.commands.audit;

import dev.chainloop.ee.cli.client.model.AuditChain;
import dev.chainloop.ee.cli.client.model.AuditChainBrokenLink;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.CliException;
import dev.chainloop.ee.cli.framework.LeafCommand;
import java.io.PrintStream;

/**
 * {@code organization audit verify}: asks the server to recompute the organization's audit hash
 * chain. Intact: prints the count and the head hash, exit 0. Broken: prints the first broken link
 * and exits 1 (also with {@code -o json}, after printing the verdict).
 */
public final class AuditVerifyCommand extends LeafCommand {
  @Override
  public String name() {
    return "verify";
  }

  @Override
  public String shortDescription() {
    return "Check that the organization's audit log is unmodified (its hash chain is intact)";
  }

  @Override
  public String example() {
    return "  chainloop organization audit verify";
  }

  @Override
  public void run(CliContext ctx) {
    AuditChain chain = ctx.api().verifyAuditChain();
    if (ctx.jsonOutput()) {
      ctx.printJson(chain);
    }
    long events = chain.events().orElse(0L);
    long legacy = chain.legacyEvents().orElse(0L);
    AuditChainBrokenLink broken = chain.brokenLink();
    if (chain.intact()) {
      if (!ctx.jsonOutput()) {
        PrintStream out = ctx.out();
        out.println("audit chain intact: " + events + " events, head " + chain.headHash());
        if (legacy > 0) {
          out.println(legacy + " events from before the chain existed are not linked");
        }
      }
      return;
    }
    long position = broken.position().orElse(0L);
    if (!ctx.jsonOutput()) {
      PrintStream out = ctx.out();
      out.println("audit chain broken at position " + position);
      out.println("  event:    " + (broken.eventId().isEmpty() ? "(missing)" : broken.eventId()));
      out.println("  reason:   " + broken.reason());
      out.println("  expected: " + broken.expected());
      out.println("  found:    " + broken.found());
    }
    throw new CliException(
        "audit chain broken at position "
            + position
            + (broken.eventId().isEmpty() ? "" : " (event " + broken.eventId() + ")")
            + ": "
            + broken.reason());
  }
}
