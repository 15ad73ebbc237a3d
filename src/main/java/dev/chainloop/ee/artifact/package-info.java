/**
 * Content-addressed artifacts (CAS): uploads streamed, hashed and checked against their digest,
 * stored once per backend in the organization's default CAS backend (the deployment's built-in
 * store, inline in the database, an OCI repository or an S3 bucket), read back from the backend
 * that holds them, and readable only by organizations that uploaded them.
 *
 * <p>Owns the {@code cas_refs}, {@code cas_blobs} and {@code cas_backends} tables. May call
 * platform and the audit service; other features use {@link Digests} for the API's digest format.
 */
package dev.chainloop.ee.artifact;
