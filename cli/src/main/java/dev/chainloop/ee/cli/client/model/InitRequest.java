package dev.chainloop.ee.cli.client.model;

/**
 * Starts a workflow run; revision 0 asks for the contract's latest. Null components are left out of
 * the body: {@code markLatest} null lets a new version become the latest.
 */
@ApiSchema("InitRequest")
public record InitRequest(
    String workflow,
    int contractRevision,
    String project,
    String runnerType,
    String runUrl,
    String version,
    Boolean latestVersion,
    Boolean existingVersion,
    Boolean release,
    Boolean markLatest,
    String contract,
    String contractBody) {}
