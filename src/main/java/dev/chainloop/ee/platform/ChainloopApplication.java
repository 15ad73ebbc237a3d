package dev.chainloop.ee.platform;

import dev.chainloop.ee.platform.error.Problem;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The REST API root: JSON under /api/v1, bearer tokens verified by MicroProfile JWT. */
@ApplicationPath("/api/v1")
@LoginConfig(authMethod = "MP-JWT", realmName = "chainloop")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Chainloop EE control plane",
            version = "v1",
            description =
                "Software supply-chain control plane: organizations, API tokens, workflows,"
                    + " contracts, runs and attestations."),
    components =
        @Components(
            schemas = @Schema(name = "Problem", implementation = Problem.class),
            securitySchemes =
                @SecurityScheme(
                    securitySchemeName = "bearer",
                    type = SecuritySchemeType.HTTP,
                    scheme = "bearer",
                    bearerFormat = "JWT")),
    security = @SecurityRequirement(name = "bearer"))
public class ChainloopApplication extends Application {}
