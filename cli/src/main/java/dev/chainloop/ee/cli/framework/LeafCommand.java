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
   * The positional arguments the verb takes, by their usage names (e.g. {@code INTEGRATION_ID}),
   * each required; read them with {@link ParsedFlags#arguments()}. None by default.
   */
  public List<String> arguments() {
    return List.of();
  }

  /** Optional "Examples:" section of the help, already indented. */
  public String example() {
    return null;
  }

  /**
   * True for the attestation verbs, which (without an API token) authenticate with the CI job's
   * OIDC identity, as upstream's federated flow does.
   */
  public boolean acceptsCiIdentity() {
    return false;
  }

  public abstract void run(CliContext ctx) throws Exception;
}
