package dev.chainloop.ee.cli.client.model;

/**
 * Contract changes; a changed body becomes a new revision. Null components are left out of the
 * body.
 */
@ApiSchema("UpdateContractRequest")
public record UpdateContractRequest(String description, String body) {}
