package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Optional;

/** One policy's verdict on one material, or on the statement, as stored with the run. */
@ApiSchema("Evaluation")
public final class Evaluation extends ApiObject implements PolicyVerdict {
  public Evaluation(JsonObject json) {
    super(json);
  }

  @Override
  public String policy() {
    return string("policy");
  }

  @Override
  public Optional<Integer> revision() {
    return int32("revision");
  }

  @Override
  public boolean gate() {
    return bool("gate");
  }

  @Override
  public Optional<String> material() {
    return optionalString("material");
  }

  @Override
  public List<String> violations() {
    return strings("violations");
  }

  @Override
  public boolean skipped() {
    return bool("skipped");
  }

  @Override
  public Optional<String> skipReason() {
    return optionalString("skipReason");
  }
}
