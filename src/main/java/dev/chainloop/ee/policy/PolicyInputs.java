package dev.chainloop.ee.policy;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The inputs a policy runs with: the values a contract sets ({@code with}) over the policy's
 * defaults. Values are text, as upstream's; a list given in YAML becomes comma-separated text.
 * Sizes are capped so that a contract cannot hand the evaluator an unbounded input.
 */
public final class PolicyInputs {
  static final int MAX_VALUE_CHARS = 4096;
  static final int MAX_TOTAL_CHARS = 16 * 1024;

  private PolicyInputs() {}

  /** Text of a YAML value: scalars as written, lists joined with commas. */
  public static String asText(Object value) {
    if (value instanceof Collection<?> c) {
      return c.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
    return String.valueOf(value);
  }

  /**
   * Resolves {@code with} against the policy's declared inputs: unknown names, missing required
   * inputs and oversized values are refused, naming the policy and the input.
   */
  public static Map<String, String> resolve(PolicyDocument policy, Map<String, String> with) {
    Map<String, String> given = with == null ? Map.of() : with;
    List<String> declared = policy.inputs().stream().map(PolicyDocument.Input::name).toList();
    for (String name : given.keySet()) {
      if (!declared.contains(name)) {
        throw new InvalidPolicyException(
            "with",
            "policy \""
                + policy.name()
                + "\" has no input \""
                + name
                + "\""
                + (declared.isEmpty() ? "" : " (inputs: " + String.join(", ", declared) + ")"));
      }
    }
    Map<String, String> out = new LinkedHashMap<>();
    int total = 0;
    for (PolicyDocument.Input input : policy.inputs()) {
      String value = given.getOrDefault(input.name(), input.defaultValue());
      if (value == null) {
        if (input.required()) {
          throw new InvalidPolicyException(
              "with",
              "policy \"" + policy.name() + "\" requires the input \"" + input.name() + "\"");
        }
        value = "";
      }
      if (value.length() > MAX_VALUE_CHARS) {
        throw new InvalidPolicyException(
            "with", "input \"" + input.name() + "\" is over " + MAX_VALUE_CHARS + " characters");
      }
      total += value.length();
      out.put(input.name(), value);
    }
    if (total > MAX_TOTAL_CHARS) {
      throw new InvalidPolicyException(
          "with", "the inputs of policy \"" + policy.name() + "\" are over " + MAX_TOTAL_CHARS);
    }
    return out;
  }
}
