package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;
import java.util.Optional;

/**
 * What references a digest; only the cursor of the next page is read, the rest is printed as
 * received.
 */
@ApiSchema("Referrer")
public final class Referrer extends ApiObject {
  public Referrer(JsonObject json) {
    super(json);
  }

  public Optional<String> nextCursor() {
    return optionalString("nextCursor");
  }
}
