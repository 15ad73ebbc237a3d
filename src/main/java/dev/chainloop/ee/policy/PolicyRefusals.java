package dev.chainloop.ee.policy;

import dev.chainloop.ee.platform.error.InvalidInputException;
import dev.chainloop.ee.platform.error.Violation;
import java.util.function.Supplier;

/**
 * Runs a call into the shared engine (src/policy-engine/java, which knows nothing of the API) and
 * turns its refusal into the API's 400 naming each field.
 */
public final class PolicyRefusals {
  private PolicyRefusals() {}

  public static <T> T asInvalidInput(Supplier<T> call) {
    try {
      return call.get();
    } catch (InvalidPolicyException e) {
      throw new InvalidInputException(
          e.getMessage(),
          e.problems().stream().map(p -> new Violation(p.field(), p.message())).toList());
    }
  }
}
