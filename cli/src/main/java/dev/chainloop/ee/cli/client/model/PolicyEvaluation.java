package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Optional;

/**
 * One policy's verdict on one material, or on the statement, as push answers it and a run stores
 * it.
 */
@ApiSchema("PolicyEvaluation")
public final class PolicyEvaluation extends ApiObject {
  public PolicyEvaluation(JsonObject json) {
    super(json);
  }

  public String policy() {
    return string("policy");
  }

  public Optional<Integer> revision() {
    return int32("revision");
  }

  /** The policy group the policy came from; empty when the contract attaches it directly. */
  public Optional<String> group() {
    return optionalString("group");
  }

  public boolean gate() {
    return bool("gate");
  }

  public Optional<String> material() {
    return optionalString("material");
  }

  public List<String> violations() {
    return strings("violations");
  }

  public boolean skipped() {
    return bool("skipped");
  }

  public Optional<String> skipReason() {
    return optionalString("skipReason");
  }
}
