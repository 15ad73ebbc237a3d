package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;

/** Changes a backend; null fields keep their values. */
@ApiSchema("UpdateCasBackendRequest")
public record UpdateCasBackendRequest(
    String description,
    Boolean isDefault,
    Boolean fallback,
    Long maxBytes,
    JsonObject credentials) {}
