/**
 * Discovery: what the caller's organization knows about a digest, as a referrer graph (the
 * attestation with that digest and what it names, or the attestations naming it).
 *
 * <p>Owns no table. May call platform and the services of attestation and run, and artifact's
 * digest format.
 */
package dev.chainloop.ee.discover;
