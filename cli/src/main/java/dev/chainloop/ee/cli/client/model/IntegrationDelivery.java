package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Optional;

/** One attestation sent (or being sent) through one attached integration. */
@ApiSchema("DeliveryResponse")
public final class IntegrationDelivery extends ApiObject {
  public IntegrationDelivery(JsonObject json) {
    super(json);
  }

  public String id() {
    return string("id");
  }

  public String integration() {
    return string("integration");
  }

  public String kind() {
    return string("kind");
  }

  public String workflow() {
    return string("workflow");
  }

  public String runId() {
    return string("runId");
  }

  public String attestationDigest() {
    return string("attestationDigest");
  }

  public String status() {
    return string("status");
  }

  public Optional<Integer> attempts() {
    return int32("attempts");
  }

  public String lastError() {
    return string("lastError");
  }

  public Optional<Instant> nextAttemptAt() {
    return instant("nextAttemptAt");
  }

  public Optional<Instant> createdAt() {
    return instant("createdAt");
  }

  public Optional<Instant> deliveredAt() {
    return instant("deliveredAt");
  }
}
