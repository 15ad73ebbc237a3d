package dev.chainloop.ee.workflow;

import java.time.Instant;

/**
 * What workflow listings show of a run. {@code state} is one of initialized, success, error,
 * expired, canceled.
 */
public record RunSummary(String id, String state, String runnerType, Instant createdAt) {}
