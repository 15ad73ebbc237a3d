package dev.chainloop.ee.it.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chainloop.ee.it.support.Api;
import org.junit.jupiter.api.Test;

class StatusIT {
  @Test
  void statusIsPublicAndNamesVersionAndLoginUrl() {
    Api.Reply status = Api.anonymous().get("/api/v1/status");
    assertThat(status.status()).isEqualTo(200);
    assertThat(status.json().getString("version")).isNotBlank();
    assertThat(status.json().getString("loginURL")).endsWith("/api/v1/auth/login");
  }

  @Test
  void readinessTouchesTheDatabaseAndOpenApiIsServed() {
    Api.Reply ready = Api.anonymous().get("/health/ready");
    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.body()).contains("database");
    Api.Reply openapi = Api.anonymous().get("/openapi");
    assertThat(openapi.status()).isEqualTo(200);
    assertThat(openapi.body()).contains("operationId: createApiToken").contains("bearer");
  }
}
