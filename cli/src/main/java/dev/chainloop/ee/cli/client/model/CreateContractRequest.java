package dev.chainloop.ee.cli.client.model;

/**
 * A new contract; the name defaults to the body's {@code metadata.name}. Null components are left
 * out of the body.
 */
@ApiSchema("CreateContractRequest")
public record CreateContractRequest(String name, String description, String project, String body) {}
