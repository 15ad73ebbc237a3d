package dev.chainloop.ee.cli.client.model;

/**
 * A new workflow, with an existing {@code contract} by name or a new one's {@code contractBody}.
 * Null components are left out of the body.
 */
@ApiSchema("CreateWorkflowRequest")
public record CreateWorkflowRequest(
    String name,
    String project,
    String description,
    String team,
    String contract,
    String contractBody,
    boolean createRobotAccount) {}
