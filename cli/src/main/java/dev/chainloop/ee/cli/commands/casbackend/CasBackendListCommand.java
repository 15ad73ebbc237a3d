package dev.chainloop.ee.cli.commands.casbackend;

import dev.chainloop.ee.cli.client.model.CasBackend;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.ListCommand;
import dev.chainloop.ee.cli.output.Dates;
import dev.chainloop.ee.cli.output.Listing;
import dev.chainloop.ee.cli.output.Table;
import java.util.ArrayList;
import java.util.List;

public final class CasBackendListCommand extends ListCommand {
  @Override
  public String shortDescription() {
    return "List CAS Backends from your organization";
  }

  @Override
  public void defineFlags(FlagSet flags) {
    flags.bool("full", "show the full output");
  }

  @Override
  public void run(CliContext ctx) {
    boolean full = ctx.flags().bool("full");
    Listing.print(
        ctx,
        ctx.api().casBackends(),
        "there are no cas backends associated",
        backends -> table(backends, full));
  }

  /** Upstream's columns; {@code full} adds when each was created and last validated. */
  static Table table(List<CasBackend> backends, boolean full) {
    List<String> header =
        new ArrayList<>(
            List.of(
                "Name",
                "Location",
                "Provider",
                "Description",
                "Limits",
                "Default",
                "Fallback",
                "Status"));
    if (full) {
      header.addAll(List.of("Created At", "Validated At"));
    }
    Table t = Table.withHeader(header.toArray(String[]::new));
    for (CasBackend b : backends) {
      String status = b.validationStatus();
      if (!b.validationError().isEmpty()) {
        status = status + "\n" + wrap(b.validationError(), 50);
      }
      List<Object> row =
          new ArrayList<>(
              List.of(
                  b.name(),
                  wrap(b.location(), 35),
                  b.provider(),
                  wrap(b.description(), 35),
                  b.maxBytes().map(m -> "MaxSize: " + ByteSizes.format(m)).orElse("no limits"),
                  b.isDefault(),
                  b.fallback(),
                  status));
      if (full) {
        row.add(Dates.rfc822(b.createdAt()));
        row.add(Dates.rfc822(b.validatedAt()));
      }
      t.row(row.toArray());
      t.separator();
    }
    return t;
  }

  /** Breaks lines longer than {@code width}, as upstream's table cells do. */
  static String wrap(String text, int width) {
    StringBuilder sb = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      if (!sb.isEmpty()) {
        sb.append('\n');
      }
      for (int i = 0; i < line.length(); i += width) {
        if (i > 0) {
          sb.append('\n');
        }
        sb.append(line, i, Math.min(line.length(), i + width));
      }
    }
    return sb.toString();
  }
}
