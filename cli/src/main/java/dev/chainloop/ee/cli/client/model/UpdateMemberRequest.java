package dev.chainloop.ee.cli.client.model;

/** A member's new role. Null components are left out of the body. */
@ApiSchema("UpdateMemberRequest")
public record UpdateMemberRequest(String role) {}
