package dev.chainloop.ee.cli.client.model;

/** Asks whether the person approved the sign-on started with {@code deviceCode}. */
@ApiSchema("SsoDevicePoll")
public record SsoDevicePoll(String deviceCode) {}
