package dev.chainloop.ee.cli;

import dev.chainloop.ee.cli.commands.Commands;
import dev.chainloop.ee.cli.framework.CliException;
import dev.chainloop.ee.cli.framework.Dispatcher;
import dev.chainloop.ee.cli.output.Log;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Map;

/**
 * Entry point. {@link #run} holds no static state so tests can call it repeatedly and concurrently.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    int code = run(args, System.getenv(), System.in, System.out, System.err);
    stopHttpSelectorThreads();
    System.exit(code);
  }

  /**
   * JDK 17's HttpClient keeps a selector thread blocked in native code, and the JVM's exit waits up
   * to 300 ms for such threads. Interrupting it makes the selector loop end at once. Only for the
   * real process: {@link #run} leaves threads alone.
   */
  private static void stopHttpSelectorThreads() {
    ThreadGroup group = Thread.currentThread().getThreadGroup();
    while (group.getParent() != null) {
      group = group.getParent();
    }
    Thread[] threads = new Thread[group.activeCount() + 8];
    int n = group.enumerate(threads, true);
    for (int i = 0; i < n; i++) {
      Thread t = threads[i];
      if (t != Thread.currentThread() && t.getName().endsWith("-SelectorManager")) {
        t.interrupt();
        try {
          t.join(200);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  public static int run(
      String[] args, Map<String, String> env, InputStream in, PrintStream out, PrintStream err) {
    boolean debug = Arrays.asList(args).contains("--debug");
    Log log = new Log(err, debug);
    try {
      return new Dispatcher(Commands.root()).dispatch(args, env, in, out, log);
    } catch (CliException e) {
      log.error(oneLine(e.getMessage()));
      if (debug) {
        e.printStackTrace(err);
      }
      return e.exitCode();
    } catch (Exception e) {
      log.error(oneLine(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
      if (debug) {
        e.printStackTrace(err);
      }
      return 1;
    } finally {
      out.flush();
      err.flush();
    }
  }

  private static String oneLine(String message) {
    return message == null ? "unknown error" : message.replaceAll("\\s*\\R\\s*", " ").trim();
  }
}
