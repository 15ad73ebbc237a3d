package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;
import java.util.List;

/** The newest integration deliveries. */
@ApiSchema("DeliveryList")
public final class IntegrationDeliveryList extends ApiObject {
  public IntegrationDeliveryList(JsonObject json) {
    super(json);
  }

  public List<IntegrationDelivery> items() {
    return objects("items", IntegrationDelivery::new);
  }
}
