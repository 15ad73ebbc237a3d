package dev.chainloop.ee.cli.framework;

import java.util.List;
import java.util.stream.Collectors;

/** Cobra-style help text for any node of the command tree. */
public final class Help {
  private static final int MIN_NAME_PADDING = 11;

  private Help() {}

  /**
   * @param path nodes from the root to the command whose help is shown (the root alone for
   *     top-level help)
   */
  public static String render(List<CommandNode> path) {
    CommandNode node = path.get(path.size() - 1);
    boolean isRoot = path.size() == 1;
    String fullName = path.stream().map(CommandNode::name).collect(Collectors.joining(" "));
    StringBuilder sb = new StringBuilder();
    sb.append(node.longDescription().strip()).append("\n\n");

    sb.append("Usage:\n");
    if (node instanceof CommandGroup) {
      sb.append("  ").append(fullName).append(" [command]\n");
    } else {
      sb.append("  ").append(fullName);
      ((LeafCommand) node).arguments().forEach(a -> sb.append(' ').append(a));
      sb.append(" [flags]\n");
    }

    if (!node.aliases().isEmpty()) {
      sb.append("\nAliases:\n  ").append(node.name());
      node.aliases().forEach(a -> sb.append(", ").append(a));
      sb.append('\n');
    }

    if (node instanceof LeafCommand leaf && leaf.example() != null) {
      sb.append("\nExamples:\n").append(leaf.example().stripTrailing()).append('\n');
    }

    if (node instanceof CommandGroup group) {
      List<CommandNode> children =
          group.children().stream().filter(c -> c.deprecation().isEmpty()).toList();
      int pad =
          Math.max(
              MIN_NAME_PADDING, children.stream().mapToInt(c -> c.name().length()).max().orElse(0));
      sb.append("\nAvailable Commands:\n");
      for (CommandNode c : children) {
        sb.append("  ")
            .append(rightPad(c.name(), pad))
            .append(' ')
            .append(c.shortDescription())
            .append('\n');
      }
    }

    FlagSet globals = GlobalFlags.declare(node.outputFormats());
    FlagSet local = new FlagSet();
    node.defineFlags(local);
    if (isRoot) {
      globals.all().forEach(f -> copyInto(local, f));
    }
    local.bool(GlobalFlags.HELP, "help for " + node.name()).shorthand("h");
    sb.append("\nFlags:\n").append(local.usages());
    if (!isRoot) {
      sb.append("\nGlobal Flags:\n").append(globals.usages());
    }

    if (node instanceof CommandGroup) {
      sb.append("\nUse \"")
          .append(fullName)
          .append(" [command] --help\" for more information about a command.\n");
    }
    return sb.toString();
  }

  private static void copyInto(FlagSet target, FlagSet.Flag f) {
    FlagSet.Flag copy =
        switch (f.type()) {
          case BOOL -> target.bool(f.name(), f.usage());
          case STRING -> target.string(f.name(), f.usage());
          case INT -> target.integer(f.name(), f.usage());
          case DURATION -> target.duration(f.name(), f.usage());
          case STRINGS -> target.strings(f.name(), f.usage());
          case STRING_ARRAY -> target.stringArray(f.name(), f.usage());
        };
    f.shortName().ifPresent(copy::shorthand);
    f.defaultValue().ifPresent(copy::defaultValue);
  }

  private static String rightPad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }
}
