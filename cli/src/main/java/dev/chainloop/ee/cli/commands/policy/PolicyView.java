package dev.chainloop.ee.cli.commands.policy;

import dev.chainloop.ee.cli.client.model.Policy;
import dev.chainloop.ee.cli.client.model.PolicyEvaluation;
import dev.chainloop.ee.cli.output.Dates;
import dev.chainloop.ee.cli.output.Table;
import java.util.List;

/** Renders policies, and policy results for push, run describe and local evaluation. */
public final class PolicyView {
  private PolicyView() {}

  public static Table list(List<Policy> items) {
    Table t = Table.withHeader("Name", "Description", "Source", "Latest Revision", "Updated At");
    for (Policy p : items) {
      t.row(
          p.name(),
          p.description(),
          p.builtin() ? "built-in" : "organization",
          p.latestRevision().map(String::valueOf).orElse(""),
          p.builtin() ? "" : Dates.rfc822(p.updatedAt()));
    }
    return t;
  }

  /**
   * Upstream's rows under a describe table's "Policies" heading: {@code name (gate): Ok}, {@code
   * skipped - reason}, or the violations.
   */
  public static void rows(Table t, List<PolicyEvaluation> results) {
    for (PolicyEvaluation r : results) {
      String outcome;
      if (r.skipped()) {
        outcome = "skipped - " + r.skipReason().orElse("");
      } else if (r.violations().isEmpty()) {
        outcome = "Ok";
      } else if (r.violations().size() == 1) {
        outcome = r.violations().get(0);
      } else {
        outcome = "\n  - " + String.join("\n  - ", r.violations());
      }
      t.row("", r.policy() + (r.gate() ? " (gate)" : "") + ": " + outcome);
    }
  }

  /** The Policies section: one row per evaluation, violations listed below their policy. */
  public static Table results(List<PolicyEvaluation> results) {
    Table t = Table.withHeader("Policy", "Material", "Gate", "Result");
    for (PolicyEvaluation r : results) {
      String outcome =
          r.skipped()
              ? "skipped: " + r.skipReason().orElse("")
              : r.violations().isEmpty() ? "passed" : r.violations().size() + " violation(s)";
      t.row(
          r.policy() + r.revision().map(v -> "@" + v).orElse(""),
          r.material().orElse("(attestation)"),
          r.gate() ? "yes" : "no",
          outcome);
      for (String v : r.violations()) {
        t.row("", "", "", "- " + v);
      }
    }
    return t.title("Policies");
  }
}
