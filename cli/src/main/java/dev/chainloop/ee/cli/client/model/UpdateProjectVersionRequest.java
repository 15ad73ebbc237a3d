package dev.chainloop.ee.cli.client.model;

/** Renames a project version. */
@ApiSchema("UpdateProjectVersionRequest")
public record UpdateProjectVersionRequest(String newName) {}
