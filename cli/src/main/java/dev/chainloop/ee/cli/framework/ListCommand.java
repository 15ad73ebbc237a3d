package dev.chainloop.ee.cli.framework;

import java.util.List;

/** A {@code list} verb, also called {@code ls}, as every upstream list command is. */
public abstract class ListCommand extends LeafCommand {
  @Override
  public final String name() {
    return "list";
  }

  @Override
  public final List<String> aliases() {
    return List.of("ls");
  }
}
