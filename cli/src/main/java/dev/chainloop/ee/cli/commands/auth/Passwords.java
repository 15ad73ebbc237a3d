package dev.chainloop.ee.cli.commands.auth;

import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.CliException;
import java.io.Console;
import java.util.Arrays;

/** Reads a password from stdin ({@code --password-stdin}) or from the terminal without echo. */
final class Passwords {
  static final String STDIN_HINT = "use --password-stdin to pass the password on standard input";

  private Passwords() {}

  static String read(CliContext ctx, boolean fromStdin, boolean confirm) {
    String password;
    if (fromStdin) {
      password = ctx.readLine().orElse("");
    } else {
      Console console = ctx.console(STDIN_HINT);
      char[] first = console.readPassword("Password: ");
      if (first == null) {
        throw new CliException("no password entered");
      }
      password = new String(first);
      Arrays.fill(first, ' ');
      if (confirm) {
        char[] second = console.readPassword("Repeat password: ");
        boolean same = second != null && password.equals(new String(second));
        if (second != null) {
          Arrays.fill(second, ' ');
        }
        if (!same) {
          throw new CliException("passwords do not match");
        }
      }
    }
    if (password.isEmpty()) {
      throw new CliException("the password must not be empty");
    }
    return password;
  }

  static String email(CliContext ctx, String given) {
    if (!given.isBlank()) {
      return given.trim();
    }
    String typed = ctx.console("use --email").readLine("Email: ");
    if (typed == null || typed.isBlank()) {
      throw new CliException("an email is required");
    }
    return typed.trim();
  }
}
