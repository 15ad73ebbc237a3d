package dev.chainloop.ee.cli.framework;

/** Wrong command line: unknown command or flag, missing required flag, invalid flag value. */
public class UsageException extends CliException {
  public UsageException(String message) {
    super(message);
  }
}
