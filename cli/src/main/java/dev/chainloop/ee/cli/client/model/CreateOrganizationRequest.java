package dev.chainloop.ee.cli.client.model;

/** A new organization. Null components are left out of the body. */
@ApiSchema("CreateOrganizationRequest")
public record CreateOrganizationRequest(String name) {}
