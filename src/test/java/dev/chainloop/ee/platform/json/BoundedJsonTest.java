package dev.chainloop.ee.platform.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BoundedJsonTest {
  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void buildsTheSameObjectAsTheJsonReader() {
    String doc =
        "{\"a\":[1,2.5,\"x\",true,false,null,{\"b\":[]},[[{}]]],\"c\":{\"d\":{\"e\":\"é\"}},\"f\":-3}";
    assertThat(BoundedJson.readObject(utf8(doc)))
        .isEqualTo(Json.createReader(new StringReader(doc)).readObject());
  }

  @Test
  void acceptsTheLimitAndRefusesOneLevelMore() {
    String atLimit = "{\"a\":".repeat(BoundedJson.MAX_DEPTH - 1) + "{}" + "}".repeat(63);
    assertThat(BoundedJson.readObject(utf8(atLimit))).isNotNull();
    String past = "[".repeat(BoundedJson.MAX_DEPTH) + "]".repeat(BoundedJson.MAX_DEPTH);
    assertThatThrownBy(() -> BoundedJson.readObject(utf8("{\"a\":" + past + "}")))
        .isInstanceOf(BoundedJson.Malformed.class)
        .hasMessage("nests deeper than 64 levels");
  }

  @Test
  void refusesWhatIsNotOneObject() {
    for (String doc : new String[] {"", "[]", "1", "{", "{\"a\":1}{}", "{\"a\":}", "nope"}) {
      assertThatThrownBy(() -> BoundedJson.readObject(utf8(doc)))
          .as(doc)
          .isInstanceOf(BoundedJson.Malformed.class)
          .hasMessage("is not a JSON object");
    }
  }
}
