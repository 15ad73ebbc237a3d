package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;
import java.util.List;

/** The policy results a run stored at push. */
@ApiSchema("PolicyResults")
public final class PolicyResults extends ApiObject {
  public PolicyResults(JsonObject json) {
    super(json);
  }

  public String strategy() {
    return string("strategy");
  }

  public String status() {
    return string("status");
  }

  public boolean bypassed() {
    return bool("bypassed");
  }

  public List<PolicyEvaluation> evaluations() {
    return objects("evaluations", PolicyEvaluation::new);
  }
}
