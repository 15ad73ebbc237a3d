package dev.chainloop.ee.policy;

import java.util.List;

/**
 * A policy document, program or input the engine refuses, with every problem it found. The server
 * answers it as a 400 naming the fields ({@code PolicyRefusals}), the CLI as one line on stderr.
 */
public class InvalidPolicyException extends RuntimeException {
  private final List<PolicyProblem> problems;

  public InvalidPolicyException(String field, String message) {
    this(field + ": " + message, List.of(new PolicyProblem(field, message)));
  }

  public InvalidPolicyException(String detail) {
    this(detail, List.of());
  }

  public InvalidPolicyException(String detail, List<PolicyProblem> problems) {
    super(detail, null, false, false);
    this.problems = List.copyOf(problems);
  }

  public List<PolicyProblem> problems() {
    return problems;
  }
}
