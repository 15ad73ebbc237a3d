package dev.chainloop.ee.it.attestation.upstream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * Runs a job of a GitHub Actions workflow file the way a runner does, for the steps this machine
 * can run: each {@code run:} step is its script, verbatim after the runner's {@code ${{ }}}
 * substitution, in {@code bash --noprofile --norc -eo pipefail}, with {@code GITHUB_ENV}, {@code
 * GITHUB_OUTPUT} and {@code GITHUB_PATH} honoured and the {@code if:} conditions (success(),
 * failure(), cancelled(), comparisons) evaluated. A step that installs or runs a third-party tool
 * that cannot run here is replaced by a stand-in script named by the step's name (or its action);
 * an action with no stand-in is skipped, as on a runner where it does nothing that the chainloop
 * steps read. A job can be made to fail at a step, or be cancelled after one, to take the failure
 * and cancellation paths.
 */
public final class ActionsRunner {
  /** How a job ended. */
  public enum Status {
    SUCCESS,
    FAILURE,
    CANCELLED
  }

  /** One step: whether it ran, its exit code and what it printed. */
  public record StepLog(String name, boolean ran, int exitCode, String output) {}

  public record JobResult(Status status, List<StepLog> steps) {
    /** The steps that ran, each with its exit code and output, for assertion messages. */
    public String transcript() {
      StringBuilder b = new StringBuilder();
      for (StepLog s : steps) {
        b.append("== ")
            .append(s.name())
            .append(s.ran() ? " (exit " + s.exitCode() + ")" : " (skipped)")
            .append('\n')
            .append(s.output());
      }
      return b.toString();
    }
  }

  private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{\\s*(.+?)\\s*}}");

  /** A chainloop command line in a script: the command at the start of a line or in $( ). */
  static final Pattern CHAINLOOP_LINE = Pattern.compile("(?m)(^\\s*|\\$\\(|\\|\\s*)chainloop\\s");

  private static final Pattern COMPARISON = Pattern.compile("([\\w.-]+)\\s*(==|!=)\\s*'([^']*)'");

  private final Map<String, Object> workflow;
  private final Path workspace;
  private final Map<String, String> baseEnv;
  private final Map<String, String> github;
  private final Map<String, String> secrets;
  private final Map<String, String> vars;
  private final Map<String, String> standIns = new LinkedHashMap<>();

  @SuppressWarnings("unchecked")
  public ActionsRunner(
      Path workflowFile,
      Path workspace,
      Map<String, String> baseEnv,
      Map<String, String> github,
      Map<String, String> secrets,
      Map<String, String> vars) {
    try {
      this.workflow = new Yaml().load(Files.readString(workflowFile));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.workspace = workspace;
    this.baseEnv = baseEnv;
    this.github = github;
    this.secrets = secrets;
    this.vars = vars;
  }

  /** Replaces the step named {@code nameOrAction} (or using that action) by {@code script}. */
  public ActionsRunner standIn(String nameOrAction, String script) {
    standIns.put(nameOrAction, script);
    return this;
  }

  /** The steps of each job whose script holds a chainloop command line: job id to step names. */
  @SuppressWarnings("unchecked")
  public Map<String, List<String>> chainloopSteps() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    ((Map<String, Object>) workflow.get("jobs"))
        .forEach(
            (id, job) -> {
              Object steps = ((Map<String, Object>) job).get("steps");
              if (steps instanceof List<?> list) {
                for (Object o : list) {
                  Map<String, Object> step = (Map<String, Object>) o;
                  if (step.get("run") != null
                      && CHAINLOOP_LINE.matcher(step.get("run").toString()).find()) {
                    out.computeIfAbsent(id, k -> new ArrayList<>()).add(stepName(step));
                  }
                }
              }
            });
    return out;
  }

  /** The names of the jobs in the file, in order. */
  @SuppressWarnings("unchecked")
  public List<String> jobs() {
    return new ArrayList<>(((Map<String, Object>) workflow.get("jobs")).keySet());
  }

  /**
   * Runs {@code jobId}; {@code failAt} (a step name, or null) fails instead of running, {@code
   * cancelAfter} (a step name, or null) cancels the job once it has run.
   */
  @SuppressWarnings("unchecked")
  public JobResult run(String jobId, String failAt, String cancelAfter) {
    Map<String, Object> job =
        (Map<String, Object>) ((Map<String, Object>) workflow.get("jobs")).get(jobId);
    if (job == null) {
      throw new IllegalArgumentException("no job " + jobId);
    }
    Context ctx = new Context();
    ctx.matrix = firstOfMatrix(job);
    ctx.env.putAll(baseEnv);
    ctx.env.putAll(strings((Map<String, Object>) workflow.get("env"), ctx));
    ctx.env.putAll(strings((Map<String, Object>) job.get("env"), ctx));
    List<StepLog> logs = new ArrayList<>();
    Object jobIf = job.get("if");
    if (jobIf != null && !condition(jobIf.toString(), ctx)) {
      return new JobResult(Status.SUCCESS, logs);
    }
    for (Object o : (List<Object>) job.get("steps")) {
      Map<String, Object> step = (Map<String, Object>) o;
      String name = stepName(step);
      Object ifValue = step.get("if");
      if (!condition(ifValue == null ? "success()" : ifValue.toString(), ctx)) {
        logs.add(new StepLog(name, false, 0, ""));
        continue;
      }
      if (name.equals(failAt)) {
        logs.add(new StepLog(name, true, 1, "(made to fail by the test)\n"));
        ctx.status = Status.FAILURE;
        continue;
      }
      String uses = (String) step.get("uses");
      String script = standIns.get(name);
      if (script == null && uses != null) {
        script = standIns.get(uses.split("@", 2)[0]);
      }
      if (script != null
          && step.get("run") != null
          && CHAINLOOP_LINE.matcher(step.get("run").toString()).find()) {
        throw new IllegalStateException("a stand-in may not replace a chainloop step: " + name);
      }
      if (script == null) {
        script = (String) step.get("run");
      }
      if (script == null) {
        logs.add(new StepLog(name + " [" + uses + ": no stand-in]", false, 0, ""));
        continue;
      }
      Map<String, String> env = new LinkedHashMap<>(ctx.env);
      env.putAll(strings((Map<String, Object>) step.get("env"), ctx));
      StepLog log = execute(name, substitute(script, ctx, env), env, ctx, (String) step.get("id"));
      logs.add(log);
      if (log.exitCode() != 0) {
        ctx.status = Status.FAILURE;
      }
      if (name.equals(cancelAfter)) {
        // cancelled while the step ran: whatever it did so far stands, failure() is false
        ctx.status = Status.CANCELLED;
      }
    }
    return new JobResult(ctx.status, logs);
  }

  private static final class Context {
    Status status = Status.SUCCESS;
    final Map<String, String> env = new LinkedHashMap<>();
    final Map<String, Map<String, String>> outputs = new LinkedHashMap<>();
    final List<String> path = new ArrayList<>();
    Map<String, String> matrix = Map.of();
  }

  private StepLog execute(
      String name, String script, Map<String, String> env, Context ctx, String id) {
    try {
      Path dir = Files.createTempDirectory("step");
      Path file = dir.resolve("script.sh");
      Path output = dir.resolve("output");
      Path envFile = dir.resolve("env");
      Path pathFile = dir.resolve("path");
      Files.writeString(file, script);
      for (Path p : List.of(output, envFile, pathFile)) {
        Files.createFile(p);
      }
      ProcessBuilder pb =
          new ProcessBuilder("bash", "--noprofile", "--norc", "-eo", "pipefail", file.toString())
              .directory(workspace.toFile())
              .redirectErrorStream(true);
      Map<String, String> penv = pb.environment();
      penv.clear();
      penv.putAll(env);
      penv.put("GITHUB_OUTPUT", output.toString());
      penv.put("GITHUB_ENV", envFile.toString());
      penv.put("GITHUB_PATH", pathFile.toString());
      List<String> path = new ArrayList<>(ctx.path);
      path.add(env.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin"));
      penv.put("PATH", String.join(":", path));
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(10, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        return new StepLog(name, true, -1, out + "(timed out)\n");
      }
      if (id != null) {
        ctx.outputs.put(id, keyValues(output));
      }
      ctx.env.putAll(keyValues(envFile));
      for (String line : Files.readAllLines(pathFile)) {
        if (!line.isBlank()) {
          ctx.path.add(0, line.trim());
        }
      }
      return new StepLog(name, true, p.exitValue(), out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** {@code name=value} lines and {@code name<<DELIM} blocks, as the runner reads these files. */
  private static Map<String, String> keyValues(Path file) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(file);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int heredoc = line.indexOf("<<");
      int eq = line.indexOf('=');
      if (heredoc > 0 && (eq < 0 || heredoc < eq)) {
        String key = line.substring(0, heredoc);
        String delimiter = line.substring(heredoc + 2);
        StringBuilder value = new StringBuilder();
        while (++i < lines.size() && !lines.get(i).equals(delimiter)) {
          value.append(value.isEmpty() ? "" : "\n").append(lines.get(i));
        }
        out.put(key, value.toString());
      } else if (eq > 0) {
        out.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return out;
  }

  private String substitute(String text, Context ctx, Map<String, String> env) {
    Matcher m = EXPRESSION.matcher(text);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(b, Matcher.quoteReplacement(value(m.group(1).trim(), ctx, env)));
    }
    return m.appendTail(b).toString();
  }

  private Map<String, String> strings(Map<String, Object> map, Context ctx) {
    Map<String, String> out = new LinkedHashMap<>();
    if (map != null) {
      Map<String, String> env = new LinkedHashMap<>(ctx.env);
      map.forEach((k, v) -> out.put(k, substitute(String.valueOf(v), ctx, env)));
    }
    return out;
  }

  private String value(String expression, Context ctx, Map<String, String> env) {
    String[] parts = expression.split("\\.", 3);
    String value =
        switch (parts[0]) {
          case "env" -> env.get(parts[1]);
          case "secrets" -> secrets.get(parts[1]);
          case "vars" -> vars.get(parts[1]);
          case "github" -> github.get(parts[1]);
          case "matrix" -> ctx.matrix.get(parts[1]);
          case "steps" ->
              parts.length == 3 && parts[2].startsWith("outputs.")
                  ? ctx.outputs
                      .getOrDefault(parts[1], Map.of())
                      .getOrDefault(parts[2].substring("outputs.".length()), "")
                  : null;
          default -> null;
        };
    if (value == null) {
      throw new IllegalStateException("the test gives no value to ${{ " + expression + " }}");
    }
    return value;
  }

  /** The conditions the workflows use: status functions and comparisons joined by &&. */
  private boolean condition(String text, Context ctx) {
    String expr = text.trim();
    Matcher wrapped = EXPRESSION.matcher(expr);
    if (wrapped.matches()) {
      expr = wrapped.group(1);
    }
    if (expr.contains("||")) {
      throw new IllegalStateException("unsupported condition: " + text);
    }
    boolean statusFunction = false;
    boolean result = true;
    for (String raw : expr.split("&&")) {
      String term = raw.trim();
      switch (term) {
        case "success()" -> {
          statusFunction = true;
          result &= ctx.status == Status.SUCCESS;
        }
        case "failure()" -> {
          statusFunction = true;
          result &= ctx.status == Status.FAILURE;
        }
        case "cancelled()" -> {
          statusFunction = true;
          result &= ctx.status == Status.CANCELLED;
        }
        case "always()" -> statusFunction = true;
        default -> {
          Matcher c = COMPARISON.matcher(term);
          if (!c.matches()) {
            throw new IllegalStateException("unsupported condition: " + text);
          }
          String actual = value(c.group(1), ctx, ctx.env);
          result &= c.group(2).equals("==") == actual.equals(c.group(3));
        }
      }
    }
    return statusFunction ? result : result && ctx.status == Status.SUCCESS;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> firstOfMatrix(Map<String, Object> job) {
    Map<String, String> out = new LinkedHashMap<>();
    if (job.get("strategy") instanceof Map<?, ?> strategy
        && strategy.get("matrix") instanceof Map<?, ?> matrix) {
      ((Map<String, Object>) matrix)
          .forEach(
              (k, v) -> {
                if (v instanceof List<?> l && !l.isEmpty()) {
                  out.put(k, String.valueOf(l.get(0)));
                }
              });
    }
    return out;
  }

  private static String stepName(Map<String, Object> step) {
    if (step.get("name") != null) {
      return step.get("name").toString();
    }
    if (step.get("uses") != null) {
      return step.get("uses").toString().split("@", 2)[0];
    }
    return "Run " + String.valueOf(step.get("run")).lines().findFirst().orElse("");
  }
}
