package dev.chainloop.ee.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

class JsonPrinterTest {
  @Test
  void indentsWithThreeSpaces() {
    JsonValue v =
        Json.createObjectBuilder()
            .add("id", "x")
            .add("permissions", Json.createArrayBuilder().add("workflow:read"))
            .add("project", JsonValue.NULL)
            .add("tags", JsonValue.EMPTY_JSON_ARRAY)
            .add("n", 3)
            .add("quote", "a\"b\n")
            .build();

    assertThat(JsonPrinter.print(v))
        .isEqualTo(
            """
            {
               "id": "x",
               "permissions": [
                  "workflow:read"
               ],
               "project": null,
               "tags": [],
               "n": 3,
               "quote": "a\\"b\\n"
            }""");
  }
}
