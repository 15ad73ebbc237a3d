package dev.chainloop.ee.cli.client.model;

/**
 * A crafting state (base64 JSON) replacing the one with digest {@code baseDigest}. Null components
 * are left out of the body.
 */
@ApiSchema("SaveStateRequest")
public record SaveStateRequest(String state, String baseDigest) {}
