package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;

/** Attaches a registered integration to a workflow, with its attachment options. */
@ApiSchema("AttachIntegrationRequest")
public record AttachIntegrationRequest(
    String integration, String workflow, String project, JsonObject options) {}
