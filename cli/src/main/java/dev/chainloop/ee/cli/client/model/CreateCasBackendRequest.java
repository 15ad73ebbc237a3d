package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;

/** Adds an OCI or AWS-S3 backend; {@code credentials} are upstream's keys for the provider. */
@ApiSchema("CreateCasBackendRequest")
public record CreateCasBackendRequest(
    String name,
    String provider,
    String location,
    String description,
    Boolean isDefault,
    Boolean fallback,
    Long maxBytes,
    JsonObject credentials) {}
