package dev.chainloop.ee.artifact;

/** Fired inside the upload's transaction with the size of the body received. */
public record ArtifactStored(String organizationId, String digest, long size) {}
