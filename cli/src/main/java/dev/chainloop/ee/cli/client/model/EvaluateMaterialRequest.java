package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;

/** One material, as the statement will carry it, for its early policy evaluation. */
@ApiSchema("EvaluateMaterialRequest")
public record EvaluateMaterialRequest(JsonObject material) {}
