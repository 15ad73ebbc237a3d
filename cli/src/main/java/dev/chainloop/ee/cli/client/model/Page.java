package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;
import java.util.Optional;

/** The position of an offset-paginated list; each page type adds its {@code items}. */
public abstract class Page extends ApiObject {
  protected Page(JsonObject json) {
    super(json);
  }

  public Optional<Integer> page() {
    return int32("page");
  }

  public Optional<Integer> pageSize() {
    return int32("pageSize");
  }

  public Optional<Long> totalCount() {
    return int64("totalCount");
  }

  public Optional<Integer> totalPages() {
    return int32("totalPages");
  }
}
