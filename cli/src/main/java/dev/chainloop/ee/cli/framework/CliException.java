package dev.chainloop.ee.cli.framework;

/**
 * An error meant for the user: {@link dev.chainloop.ee.cli.Main} prints its message as one {@code
 * ERR} line and exits with {@link #exitCode()}. Never carries a stack trace to the terminal unless
 * {@code --debug}.
 */
public class CliException extends RuntimeException {
  private final int exitCode;

  public CliException(String message) {
    this(message, 1, null);
  }

  public CliException(String message, Throwable cause) {
    this(message, 1, cause);
  }

  public CliException(String message, int exitCode, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
