package dev.chainloop.ee.cli.client.model;

/**
 * A contract document to create or update by its {@code metadata.name}. Null components are left
 * out of the body.
 */
@ApiSchema("ApplyContractRequest")
public record ApplyContractRequest(String body, String project) {}
