package dev.chainloop.ee.cli.client.model;

/** A new user account. Null components are left out of the body. */
@ApiSchema("SignupRequest")
public record SignupRequest(String email, String password, String name) {}
