package dev.chainloop.ee.attestation;

/** Fired inside the storing transaction; observers that count act only once it committed. */
public record AttestationStored(String organizationId, String digest) {}
