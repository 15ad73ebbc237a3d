package dev.chainloop.ee.run;

import dev.chainloop.ee.policy.PolicyEvaluation;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/** What the contract's policies said at push, as stored with the run and shown by describe. */
@JsonbPropertyOrder({"strategy", "status", "bypassed", "evaluations"})
public record PolicyResults(
    String strategy, String status, boolean bypassed, List<PolicyEvaluation> evaluations) {

  private static final Jsonb JSONB = JsonbBuilder.create();

  static PolicyResults fromJson(String json) {
    return json == null ? null : JSONB.fromJson(json, PolicyResults.class);
  }

  /** The results as stored with the run. */
  public String toJson() {
    return JSONB.toJson(this);
  }
}
