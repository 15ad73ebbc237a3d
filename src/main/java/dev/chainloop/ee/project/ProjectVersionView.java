package dev.chainloop.ee.project;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A project version as the API shows it, alone or on a run (upstream's {@code ProjectVersion}). */
@JsonbPropertyOrder({"id", "version", "prerelease", "createdAt", "releasedAt", "latest"})
public record ProjectVersionView(
    String id,
    String version,
    @Schema(description = "True until a push of a run initialized with release=true releases it")
        boolean prerelease,
    Instant createdAt,
    Instant releasedAt,
    @Schema(description = "The project's latest version (at most one is)") boolean latest) {}
