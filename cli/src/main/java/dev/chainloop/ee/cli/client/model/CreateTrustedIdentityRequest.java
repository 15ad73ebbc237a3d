package dev.chainloop.ee.cli.client.model;

import java.util.List;

/** A new trust rule; null components are left out of the body. */
@ApiSchema("CreateTrustedIdentityRequest")
public record CreateTrustedIdentityRequest(
    String issuer,
    String audience,
    List<String> conditions,
    String project,
    String workflow,
    List<String> permissions) {}
