package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;

/** Registers an integration kind under a name, with its {@code --opt key=value} options. */
@ApiSchema("RegisterIntegrationRequest")
public record RegisterIntegrationRequest(
    String kind, String name, String description, JsonObject options) {}
