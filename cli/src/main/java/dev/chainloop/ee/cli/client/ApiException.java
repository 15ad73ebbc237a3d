package dev.chainloop.ee.cli.client;

import dev.chainloop.ee.cli.framework.CliException;

/**
 * A non-2xx answer of the control plane; the message is what the user sees (mostly the problem
 * detail).
 */
public final class ApiException extends CliException {
  private final int status;

  public ApiException(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
