package dev.chainloop.ee.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chainloop.ee.platform.error.InvalidInputException;
import jakarta.json.JsonString;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What registrations and attachments accept, and how retries are spaced. */
class IntegrationKindTest {
  @Test
  void optionsAreCheckedNamingTheField() {
    var spec = IntegrationKind.DEPENDENCY_TRACK.registration();
    assertThat(
            IntegrationKind.merge(
                spec, Map.of(), Map.of("instanceURI", "https://dt.example.com", "apiKey", "k")))
        .containsEntry("instanceURI", "https://dt.example.com")
        .containsEntry("apiKey", "k");
    assertThatThrownBy(() -> IntegrationKind.merge(spec, Map.of(), Map.of("apiKey", "k")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("options.instanceURI");
    assertThatThrownBy(
            () ->
                IntegrationKind.merge(
                    spec, Map.of(), Map.of("instanceURI", "ftp://dt.example.com", "apiKey", "k")))
        .hasMessageContaining("options.instanceURI")
        .hasMessageContaining("http");
    assertThatThrownBy(
            () ->
                IntegrationKind.merge(
                    spec,
                    Map.of(),
                    Map.of("instanceURI", "https://u:p@dt.example.com", "apiKey", "k")))
        .hasMessageContaining("credentials");
    assertThatThrownBy(
            () ->
                IntegrationKind.merge(
                    spec,
                    Map.of("instanceURI", "https://dt.example.com", "apiKey", "k"),
                    Map.of("allowAutoCreate", "maybe")))
        .hasMessageContaining("options.allowAutoCreate");
    assertThatThrownBy(
            () ->
                IntegrationKind.merge(
                    IntegrationKind.SLACK.attachment(), Map.of(), Map.of("x", "y")))
        .hasMessageContaining("options.x")
        .hasMessageContaining("takes none");
  }

  @Test
  void schemasMarkSecretsWriteOnlyAndListTheRequiredOptions() {
    var schema = IntegrationKind.schema(IntegrationKind.WEBHOOK.registration());
    assertThat(schema.getJsonArray("required").getValuesAs(JsonString::getString))
        .containsExactly("url", "secret");
    assertThat(schema.getJsonObject("properties").getJsonObject("secret").getBoolean("writeOnly"))
        .isTrue();
    assertThat(schema.getBoolean("additionalProperties")).isFalse();
  }

  @Test
  void retriesBackOffExponentiallyUpToTheCap() {
    Duration base = Duration.ofSeconds(5);
    Duration max = Duration.ofMinutes(10);
    assertThat(DeliveryService.backoff(1, base, max)).isEqualTo(Duration.ofSeconds(5));
    assertThat(DeliveryService.backoff(2, base, max)).isEqualTo(Duration.ofSeconds(10));
    assertThat(DeliveryService.backoff(4, base, max)).isEqualTo(Duration.ofSeconds(40));
    assertThat(DeliveryService.backoff(40, base, max)).isEqualTo(max);
  }
}
