package dev.chainloop.ee.cli.client.model;

/** A new robot account of a workflow (legacy). Null components are left out of the body. */
@ApiSchema("CreateRobotAccountRequest")
public record CreateRobotAccountRequest(String name) {}
