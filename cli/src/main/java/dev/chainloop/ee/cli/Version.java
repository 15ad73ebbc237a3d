package dev.chainloop.ee.cli;

/**
 * The client version reported by {@code chainloop version} and sent as {@code
 * Chainloop-Cli-Version}.
 */
public final class Version {
  public static final String CLIENT = "0.1.0";

  private Version() {}
}
