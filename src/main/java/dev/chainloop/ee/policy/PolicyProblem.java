package dev.chainloop.ee.policy;

/** One thing wrong with a policy document or its inputs: the field, and what is wrong with it. */
public record PolicyProblem(String field, String message) {}
