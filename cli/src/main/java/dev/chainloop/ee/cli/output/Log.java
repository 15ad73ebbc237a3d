package dev.chainloop.ee.cli.output;

import java.io.PrintStream;

/**
 * Human log lines on stderr, zerolog console style: {@code INF ...}, {@code WRN ...}, {@code ERR
 * ...}.
 */
public final class Log {
  private final PrintStream err;
  private final boolean debug;

  public Log(PrintStream err, boolean debug) {
    this.err = err;
    this.debug = debug;
  }

  public void info(String message) {
    err.println("INF " + message);
  }

  public void warn(String message) {
    err.println("WRN " + message);
  }

  public void error(String message) {
    err.println("ERR " + message);
  }

  public void debug(String message) {
    if (debug) {
      err.println("DBG " + message);
    }
  }

  public PrintStream stream() {
    return err;
  }

  public boolean isDebug() {
    return debug;
  }
}
