package dev.chainloop.ee.cli.client.model;

/** Invites an email to the organization. Null components are left out of the body. */
@ApiSchema("CreateInvitationRequest")
public record CreateInvitationRequest(String receiver, String role) {}
