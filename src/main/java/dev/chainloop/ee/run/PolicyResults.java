package dev.chainloop.ee.run;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import java.util.Map;

/** What the contract's policies said at push, as stored with the run and shown by describe. */
@JsonbPropertyOrder({"strategy", "status", "bypassed", "evaluations"})
public record PolicyResults(
    String strategy, String status, boolean bypassed, List<Evaluation> evaluations) {

  @JsonbPropertyOrder({
    "policy",
    "revision",
    "gate",
    "material",
    "inputs",
    "violations",
    "skipped",
    "skipReason"
  })
  public record Evaluation(
      String policy,
      int revision,
      boolean gate,
      String material,
      Map<String, String> inputs,
      List<String> violations,
      boolean skipped,
      String skipReason) {}

  private static final Jsonb JSONB = JsonbBuilder.create();

  static PolicyResults fromJson(String json) {
    return json == null ? null : JSONB.fromJson(json, PolicyResults.class);
  }
}
