package dev.chainloop.ee.cli.framework;

import java.util.List;

/**
 * A runnable verb. Subclasses declare their flags in {@link #defineFlags(FlagSet)}, read them back
 * from {@link CliContext#flags()} and keep no per-run state in fields: one instance serves every
 * invocation.
 */
public abstract non-sealed class LeafCommand implements CommandNode {

  @Override
  public List<String> aliases() {
    return List.of();
  }

  /**
   * Declares the command's own flags; global flags and {@code -h/--help} are added by the
   * framework.
   */
  public void defineFlags(FlagSet flags) {}

  /** Accepted values of {@code -o/--output}; the first one is the default. */
  public List<String> outputFormats() {
    return List.of("table", "json");
  }

  /** Optional "Examples:" section of the help, already indented. */
  public String example() {
    return null;
  }

  public abstract void run(CliContext ctx) throws Exception;
}
