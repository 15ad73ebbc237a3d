package dev.chainloop.ee.cli.framework;

import java.util.List;
import java.util.Optional;

/** A node of the command tree: either a {@link CommandGroup} or a {@link LeafCommand}. */
public sealed interface CommandNode permits CommandGroup, LeafCommand {
  String name();

  List<String> aliases();

  /** One line shown in the parent's "Available Commands" list. */
  String shortDescription();

  /** The paragraph that opens this command's help; defaults to the short description. */
  default String longDescription() {
    return shortDescription();
  }

  /**
   * Declares the command's own flags; global flags and {@code -h/--help} are added by the
   * framework. A group has none.
   */
  default void defineFlags(FlagSet flags) {}

  /** Accepted values of {@code -o/--output}; the first one is the default. */
  default List<String> outputFormats() {
    return List.of("table", "json");
  }

  /**
   * Why the command is deprecated and what to use instead, as upstream's cobra commands say it
   * ({@code "use 'chainloop apply -f <file>' instead"}): a deprecated command still runs, says so
   * in a {@code WRN} line once it succeeded, and is left out of its parent's command list.
   */
  default Optional<String> deprecation() {
    return Optional.empty();
  }

  default boolean answersTo(String word) {
    return name().equals(word) || aliases().contains(word);
  }
}
