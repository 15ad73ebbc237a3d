package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;
import java.util.List;

/** What the contract's policies said about one material at {@code attestation add}. */
@ApiSchema("MaterialEvaluations")
public final class MaterialEvaluations extends ApiObject {
  public MaterialEvaluations(JsonObject json) {
    super(json);
  }

  public List<PolicyEvaluation> policies() {
    return objects("policies", PolicyEvaluation::new);
  }
}
