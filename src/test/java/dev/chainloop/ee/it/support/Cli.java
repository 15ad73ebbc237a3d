package dev.chainloop.ee.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chainloop.ee.cli.Main;
import dev.chainloop.ee.cli.attestation.Keys;
import dev.chainloop.ee.cli.attestation.Signers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.HashMap;
import java.util.Map;

/**
 * Drives the real CLI in-process against the test server, with its own HOME (config file) and
 * TMPDIR (attestation state), like one CI job or one developer machine.
 */
public final class Cli {
  private final Map<String, String> env = new HashMap<>();
  private final Path home;

  public Cli() {
    try {
      home = Files.createTempDirectory("chainloop-cli-home");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    env.put("HOME", home.toString());
    env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
    env.put("TMPDIR", home.resolve("tmp").toString());
    home.resolve("tmp").toFile().mkdirs();
    env.put("CHAINLOOP_CONTROL_PLANE_API", Api.BASE_URL);
  }

  /** A CLI that signed {@code email} up and logged in ({@code auth signup}, {@code auth login}). */
  public static Cli loggedInAs(String email) {
    Cli cli = new Cli();
    cli.runWithInput(
            Fixtures.PASSWORD + "\n", "auth", "signup", "--email", email, "--password-stdin")
        .ok();
    cli.runWithInput(
            Fixtures.PASSWORD + "\n", "auth", "login", "--email", email, "--password-stdin")
        .ok();
    return cli;
  }

  public Cli env(String name, String value) {
    if (value == null) {
      env.remove(name);
    } else {
      env.put(name, value);
    }
    return this;
  }

  public Path home() {
    return home;
  }

  /** Writes {@code text} to file {@code name} in the CLI's home. */
  public Path write(String name, String text) {
    try {
      return Files.writeString(home.resolve(name), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A cosign-style P-256 key pair (PEM) in the CLI's home, made on first use. */
  public Path signingKey() {
    Path key = home.resolve("cosign.key");
    if (!Files.exists(key)) {
      KeyPair pair = Signers.ephemeralP256();
      write(
          "cosign.key",
          Keys.pem("PRIVATE KEY", pair.getPrivate().getEncoded())
              + Keys.pem("PUBLIC KEY", pair.getPublic().getEncoded()));
    }
    return key;
  }

  public Result run(String... args) {
    return runWithInput("", args);
  }

  public Result runWithInput(String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.run(
            args,
            Map.copyOf(env),
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Starts a CLI invocation in the background (one that waits, such as an SSO login). */
  public Running start(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Map<String, String> environment = Map.copyOf(env);
    java.util.concurrent.CompletableFuture<Integer> code =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () ->
                Main.run(
                    args,
                    environment,
                    new ByteArrayInputStream(new byte[0]),
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8)));
    return new Running(code, out, err);
  }

  /** A CLI invocation still running: its output so far, and its outcome once it ends. */
  public record Running(
      java.util.concurrent.CompletableFuture<Integer> code,
      ByteArrayOutputStream out,
      ByteArrayOutputStream err) {
    public String stderrSoFar() {
      return err.toString(StandardCharsets.UTF_8);
    }

    public Result await(java.time.Duration timeout) throws Exception {
      int exit = code.get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
      return new Result(
          exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
  }

  /** One CLI invocation's outcome. */
  public record Result(int exitCode, String stdout, String stderr) {
    /** This outcome, asserted to be a success (exit code 0; the failure shows the output). */
    public Result ok() {
      assertThat(exitCode).as(toString()).isZero();
      return this;
    }

    @Override
    public String toString() {
      return "exit=" + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
    }
  }
}
