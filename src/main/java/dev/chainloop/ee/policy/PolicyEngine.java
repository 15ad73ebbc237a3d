package dev.chainloop.ee.policy;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelEvaluationListener;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compiles and evaluates CEL policies, bounded on every side: the parser limits an expression's
 * size, nesting and node count (a hostile program is refused at compile time); each evaluation has
 * a cost budget (expression nodes evaluated, comprehension iterations) and a wall-clock deadline,
 * both checked on the evaluating thread, so that a policy can neither loop nor hold a thread.
 * Compiled programs are immutable and cached by the caller's key (a policy revision).
 */
public final class PolicyEngine {
  static final int MAX_EXPRESSION_CHARS = 8 * 1024;
  static final int MAX_NESTING = 24;
  static final int MAX_NODES = 2_000;
  static final int MAX_ITERATIONS = 100_000;
  static final long DEFAULT_COST_LIMIT = 1_000_000;
  static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(2);
  static final int CACHE_SIZE = 512;
  static final int MAX_VIOLATIONS = 100;
  static final int MAX_VIOLATION_CHARS = 1024;

  private static final CelOptions OPTIONS =
      CelOptions.current()
          .maxExpressionCodePointSize(MAX_EXPRESSION_CHARS)
          .maxParseRecursionDepth(MAX_NESTING)
          .maxParseExpressionNodeCount(MAX_NODES)
          .comprehensionMaxIterations(MAX_ITERATIONS)
          .maxRegexProgramSize(200)
          .enableHeterogeneousNumericComparisons(true)
          .build();

  private static final CelCompiler COMPILER =
      CelCompilerFactory.standardCelCompilerBuilder()
          .setOptions(OPTIONS)
          .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
          .addLibraries(CelExtensions.strings(), CelExtensions.bindings(), CelExtensions.lists())
          .addVar("material", SimpleType.DYN)
          .addVar("metadata", MapType.create(SimpleType.STRING, SimpleType.STRING))
          .addVar("input", MapType.create(SimpleType.STRING, SimpleType.STRING))
          .setResultType(ListType.create(SimpleType.STRING))
          .build();

  private static final CelRuntime RUNTIME =
      CelRuntimeFactory.standardCelRuntimeBuilder()
          .setOptions(OPTIONS)
          .addLibraries(CelExtensions.strings(), CelExtensions.lists())
          .build();

  private final long costLimit;
  private final Duration timeLimit;
  private final Map<String, CompiledPolicy> cache =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CompiledPolicy> eldest) {
          return size() > CACHE_SIZE;
        }
      };

  public PolicyEngine() {
    this(DEFAULT_COST_LIMIT, DEFAULT_TIME_LIMIT);
  }

  PolicyEngine(long costLimit, Duration timeLimit) {
    this.costLimit = costLimit;
    this.timeLimit = timeLimit;
  }

  /** How long one rule's evaluation may run. */
  public Duration timeLimit() {
    return timeLimit;
  }

  /** A policy whose every rule compiled. */
  public record CompiledPolicy(
      PolicyDocument document, Map<PolicyDocument.Rule, CelRuntime.Program> programs) {}

  /** What one policy said about one subject. */
  public record Verdict(List<String> violations, boolean skipped, String skipReason) {
    public static Verdict skip(String reason) {
      return new Verdict(List.of(), true, reason);
    }

    public boolean passed() {
      return !skipped && violations.isEmpty();
    }
  }

  /** Compiles {@code policy}, or refuses it naming each rule that does not compile and why. */
  public static CompiledPolicy compile(PolicyDocument policy) {
    Map<PolicyDocument.Rule, CelRuntime.Program> programs = new LinkedHashMap<>();
    List<PolicyProblem> problems = new ArrayList<>();
    for (int i = 0; i < policy.rules().size(); i++) {
      PolicyDocument.Rule rule = policy.rules().get(i);
      String field = "spec.policies[" + i + "].cel";
      CelValidationResult result = COMPILER.compile(rule.cel());
      try {
        CelAbstractSyntaxTree ast = result.getAst();
        programs.put(rule, RUNTIME.createProgram(ast));
      } catch (CelValidationException e) {
        problems.add(new PolicyProblem(field, firstLines(result.getErrorString())));
      } catch (CelEvaluationException e) {
        problems.add(new PolicyProblem(field, e.getMessage()));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidPolicyException(
          "policy \""
              + policy.name()
              + "\" does not compile as CEL (a list of violation strings): "
              + problems.stream()
                  .map(p -> p.field() + ": " + p.message())
                  .collect(Collectors.joining("; ")),
          problems);
    }
    return new CompiledPolicy(policy, Map.copyOf(programs));
  }

  /** {@link #compile} once per {@code key} (a policy revision); the result is shared. */
  public CompiledPolicy compileCached(String key, String body) {
    synchronized (cache) {
      CompiledPolicy hit = cache.get(key);
      if (hit != null) {
        return hit;
      }
    }
    CompiledPolicy compiled = compile(PolicyDocument.parse(body));
    synchronized (cache) {
      cache.putIfAbsent(key, compiled);
      return cache.get(key);
    }
  }

  /**
   * Evaluates the rules of {@code policy} for {@code kind} on {@code material} (the parsed content,
   * see {@link MaterialContent}). Skipped when the policy has no rule for the kind. An evaluation
   * that errs or exceeds its budget is a violation naming the cause: a policy that cannot decide
   * never passes.
   */
  public Verdict evaluate(
      CompiledPolicy policy,
      String kind,
      Object material,
      Map<String, String> metadata,
      Map<String, String> inputs) {
    List<PolicyDocument.Rule> rules = policy.document().rulesFor(kind);
    if (rules.isEmpty()) {
      return Verdict.skip("policy \"" + policy.document().name() + "\" has no rule for " + kind);
    }
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("material", material == null ? Map.of() : material);
    vars.put("metadata", metadata == null ? Map.of() : metadata);
    vars.put("input", inputs == null ? Map.of() : inputs);
    List<String> violations = new ArrayList<>();
    for (PolicyDocument.Rule rule : rules) {
      Budget budget = new Budget(costLimit, System.nanoTime() + timeLimit.toNanos());
      try {
        Object out = policy.programs().get(rule).trace(vars, budget);
        if (out instanceof List<?> list) {
          for (Object v : list) {
            violations.add(clip(String.valueOf(v)));
          }
        }
      } catch (BudgetExceeded e) {
        violations.add("evaluation stopped: " + e.getMessage());
      } catch (CelEvaluationException e) {
        BudgetExceeded cause = budgetCause(e);
        violations.add(
            cause != null
                ? "evaluation stopped: " + cause.getMessage()
                : "evaluation error: " + e.getMessage());
      } catch (RuntimeException e) {
        BudgetExceeded cause = budgetCause(e);
        if (cause == null) {
          throw e;
        }
        violations.add("evaluation stopped: " + cause.getMessage());
      }
    }
    if (violations.size() > MAX_VIOLATIONS) {
      int more = violations.size() - MAX_VIOLATIONS;
      violations.subList(MAX_VIOLATIONS, violations.size()).clear();
      violations.add("... and " + more + " more violation(s)");
    }
    return new Verdict(List.copyOf(violations), false, null);
  }

  /** A violation is a message for people: long ones are cut, so results stay small to store. */
  private static String clip(String violation) {
    return violation.length() <= MAX_VIOLATION_CHARS
        ? violation
        : violation.substring(0, MAX_VIOLATION_CHARS) + "...";
  }

  private static BudgetExceeded budgetCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BudgetExceeded b) {
        return b;
      }
    }
    return null;
  }

  private static String firstLines(String errors) {
    return errors.lines().limit(3).map(String::strip).reduce((a, b) -> a + " " + b).orElse("");
  }

  /**
   * Charges each evaluated node 1, plus, for a node that builds a value (a call or a
   * comprehension), the size of that value (a string's length in units of 16 characters, a list's
   * or map's entries), so that doubling a large value a few times runs out of budget long before it
   * runs out of memory (reading the material or a variable builds nothing and costs 1); watches the
   * clock and the thread's interrupt (a caller that stopped waiting). Throws to unwind the
   * interpreter.
   */
  private static final class Budget implements CelEvaluationListener {
    private static final Set<String> ACCUMULATORS = Set.of("@result", "__result__");
    private final long limit;
    private final long deadline;
    private long spent;
    private long nodes;

    Budget(long limit, long deadline) {
      this.limit = limit;
      this.deadline = deadline;
    }

    @Override
    public void callback(CelExpr expr, Object result) {
      spent += 1 + (builds(expr) ? size(result) : 0);
      if (spent > limit) {
        throw new BudgetExceeded("cost limit of " + limit + " exceeded");
      }
      if ((++nodes & 255) == 0) {
        if (System.nanoTime() > deadline) {
          throw new BudgetExceeded("time limit exceeded");
        }
        if (Thread.currentThread().isInterrupted()) {
          throw new BudgetExceeded("evaluation canceled");
        }
      }
    }

    private static boolean builds(CelExpr expr) {
      return switch (expr.getKind()) {
        case CALL -> !accumulates(expr);
        case COMPREHENSION, LIST, MAP -> true;
        default -> false;
      };
    }

    /**
     * A macro's loop step appending to its accumulator ({@code @result + [x]}, an identifier no
     * policy can write): charged 1, or a plain {@code map} over n elements would cost n squared.
     */
    private static boolean accumulates(CelExpr expr) {
      List<CelExpr> args = expr.call().args();
      return expr.call().function().equals("_+_")
          && !args.isEmpty()
          && args.get(0).getKind() == CelExpr.ExprKind.Kind.IDENT
          && ACCUMULATORS.contains(args.get(0).ident().name());
    }

    private static long size(Object value) {
      if (value instanceof String s) {
        return s.length() >> 4;
      }
      if (value instanceof Collection<?> c) {
        return c.size();
      }
      if (value instanceof Map<?, ?> m) {
        return m.size();
      }
      return 0;
    }
  }

  private static final class BudgetExceeded extends RuntimeException {
    BudgetExceeded(String message) {
      super(message, null, false, false);
    }
  }
}
