package dev.chainloop.ee.cli.client.model;

/** Workflow fields to change. Null components are left out of the body. */
@ApiSchema("UpdateWorkflowRequest")
public record UpdateWorkflowRequest(String description, String team, String contract) {}
