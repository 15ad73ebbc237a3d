package dev.chainloop.ee.cli.client.model;

import java.util.List;

/**
 * A new API token; {@code expiresIn} is a wire duration such as {@code 720h}. Null components are
 * left out of the body.
 */
@ApiSchema("CreateApiTokenRequest")
public record CreateApiTokenRequest(
    String name, String description, String expiresIn, String project, List<String> permissions) {}
