package dev.chainloop.ee.cli.framework;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A command that only groups sub-commands; running it without a sub-command prints its help. */
public final class CommandGroup implements CommandNode {
  private final String name;
  private final List<String> aliases;
  private final String shortDescription;
  private final String longDescription;
  private final List<CommandNode> children = new ArrayList<>();

  public CommandGroup(
      String name, List<String> aliases, String shortDescription, String longDescription) {
    this.name = name;
    this.aliases = List.copyOf(aliases);
    this.shortDescription = shortDescription;
    this.longDescription = longDescription == null ? shortDescription : longDescription;
  }

  public static CommandGroup of(String name, String shortDescription, String... aliases) {
    return new CommandGroup(name, List.of(aliases), shortDescription, null);
  }

  public CommandGroup withLongDescription(String text) {
    CommandGroup copy = new CommandGroup(name, aliases, shortDescription, text);
    copy.children.addAll(children);
    return copy;
  }

  public CommandGroup add(CommandNode child) {
    for (CommandNode existing : children) {
      for (String word : names(child)) {
        if (existing.answersTo(word)) {
          throw new IllegalStateException(
              "command '" + word + "' registered twice under '" + name + "'");
        }
      }
    }
    children.add(child);
    return this;
  }

  private static List<String> names(CommandNode node) {
    List<String> all = new ArrayList<>(node.aliases());
    all.add(node.name());
    return all;
  }

  public List<CommandNode> children() {
    return List.copyOf(children);
  }

  public Optional<CommandNode> child(String word) {
    return children.stream().filter(c -> c.answersTo(word)).findFirst();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<String> aliases() {
    return aliases;
  }

  @Override
  public String shortDescription() {
    return shortDescription;
  }

  @Override
  public String longDescription() {
    return longDescription;
  }
}
