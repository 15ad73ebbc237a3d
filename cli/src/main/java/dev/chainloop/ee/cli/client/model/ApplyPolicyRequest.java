package dev.chainloop.ee.cli.client.model;

/** A policy document to create or revise. */
@ApiSchema("ApplyPolicyRequest")
public record ApplyPolicyRequest(String body) {}
