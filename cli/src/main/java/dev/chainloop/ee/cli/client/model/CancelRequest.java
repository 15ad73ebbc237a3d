package dev.chainloop.ee.cli.client.model;

/**
 * Ends a run as failed ({@code failure}) or canceled ({@code cancellation}). Null components are
 * left out of the body.
 */
@ApiSchema("CancelRequest")
public record CancelRequest(String trigger, String reason) {}
