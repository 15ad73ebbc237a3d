package dev.chainloop.ee.cli.framework;

/**
 * A verb on one thing named by the required {@code --name} flag (an organization, a workflow, a
 * contract, a robot account): declares the flag and hands its trimmed value to {@link
 * #run(CliContext, String)}.
 */
public abstract class NamedCommand extends LeafCommand {
  private final String nameUsage;

  /** {@code nameUsage}: the flag's help, e.g. "workflow name". */
  protected NamedCommand(String nameUsage) {
    this.nameUsage = nameUsage;
  }

  @Override
  public final void defineFlags(FlagSet flags) {
    flags.string("name", nameUsage).required();
    defineOtherFlags(flags);
  }

  /** The command's flags besides {@code --name}. */
  protected void defineOtherFlags(FlagSet flags) {}

  @Override
  public final void run(CliContext ctx) throws Exception {
    run(ctx, ctx.flags().string("name").trim());
  }

  /** Runs the command on the thing called {@code name}. */
  protected abstract void run(CliContext ctx, String name) throws Exception;
}
