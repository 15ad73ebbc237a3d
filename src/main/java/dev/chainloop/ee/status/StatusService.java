package dev.chainloop.ee.status;

import dev.chainloop.ee.platform.config.ChainloopConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

@ApplicationScoped
public class StatusService {
  public static final String VERSION = "0.1.0";

  @Inject ChainloopConfig config;

  StatusResource.StatusResponse status(String requestBaseUri) {
    String base =
        config.externalUrl().isBlank()
            ? requestBaseUri
            : config.externalUrl().replaceAll("/+$", "") + "/api/v1/";
    return new StatusResource.StatusResponse(
        VERSION, base + "auth/login", config.signupMode().wire());
  }
}
