package dev.chainloop.ee.cli.client.model;

/**
 * Asks for a keyless signing certificate for a public key (base64 SPKI). Null components are left
 * out of the body.
 */
@ApiSchema("CertificateRequest")
public record CertificateRequest(String publicKey) {}
