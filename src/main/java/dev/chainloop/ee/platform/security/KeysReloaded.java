package dev.chainloop.ee.platform.security;

/**
 * Fired by {@link SigningKeysReload} at each reload interval, so that other key sets kept in the
 * keys directory (the keyless signing CAs) are re-read by the same job.
 */
public record KeysReloaded() {}
