package dev.chainloop.ee.platform.error;

/** One invalid field of a request: {@code field} is the JSON property name. */
public record Violation(String field, String message) {}
