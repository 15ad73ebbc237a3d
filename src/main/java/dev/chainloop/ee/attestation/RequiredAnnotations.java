package dev.chainloop.ee.attestation;

import dev.chainloop.ee.contract.ContractRevisionView;
import dev.chainloop.ee.platform.error.InvalidInputException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A contract's {@code spec.annotations} at push time, checked by the control plane and not only by
 * the CLI: one without a value must be set by the push (upstream's rule), one with a value must
 * carry that value (upstream's CLI copies it from the contract and never lets a push override it).
 */
final class RequiredAnnotations {
  private RequiredAnnotations() {}

  /**
   * Refuses a statement whose predicate lacks an annotation the contract requires.
   *
   * @param statement read only when the contract requires any annotation
   */
  static void check(
      List<ContractRevisionView.AnnotationSpec> required, Supplier<JsonObject> statement) {
    if (required.isEmpty()) {
      return;
    }
    JsonObject predicate =
        statement.get().get("predicate") instanceof JsonObject p ? p : JsonValue.EMPTY_JSON_OBJECT;
    JsonObject given =
        predicate.get("annotations") instanceof JsonObject a ? a : JsonValue.EMPTY_JSON_OBJECT;
    List<String> missing = new ArrayList<>();
    for (var spec : required) {
      String value = given.get(spec.name()) instanceof JsonString v ? v.getString() : "";
      if (value.isBlank()) {
        missing.add(spec.name());
      } else if (!spec.value().isEmpty() && !spec.value().equals(value)) {
        throw new InvalidInputException(
            "annotations",
            "the contract fixes annotation \""
                + spec.name()
                + "\" to \""
                + spec.value()
                + "\", the attestation says \""
                + value
                + "\"");
      }
    }
    if (!missing.isEmpty()) {
      throw new InvalidInputException(
          "annotations",
          "the contract requires the annotation(s) "
              + missing.stream().map(n -> "\"" + n + "\"").collect(Collectors.joining(", "))
              + ": set them with attestation push --annotation "
              + missing.get(0)
              + "=VALUE");
    }
  }
}
