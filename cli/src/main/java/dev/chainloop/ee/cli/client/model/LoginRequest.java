package dev.chainloop.ee.cli.client.model;

/** Credentials for a user token. Null components are left out of the body. */
@ApiSchema("LoginRequest")
public record LoginRequest(String email, String password) {}
