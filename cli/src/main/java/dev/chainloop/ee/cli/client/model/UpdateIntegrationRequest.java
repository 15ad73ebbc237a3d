package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;

/** Changes a registration's description (null keeps it) and the options given. */
@ApiSchema("UpdateIntegrationRequest")
public record UpdateIntegrationRequest(String description, JsonObject options) {}
