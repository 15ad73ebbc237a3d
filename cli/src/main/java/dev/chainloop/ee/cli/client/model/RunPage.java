package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Optional;

/** A page of runs, newest first. */
@ApiSchema("RunPage")
public final class RunPage extends ApiObject {
  public RunPage(JsonObject json) {
    super(json);
  }

  public List<Run> items() {
    return objects("items", Run::new);
  }

  public Optional<String> nextCursor() {
    return optionalString("nextCursor");
  }
}
