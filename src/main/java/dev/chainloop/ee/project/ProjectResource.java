package dev.chainloop.ee.project;

import dev.chainloop.ee.platform.security.TokenKind.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("projects")
@Tag(name = "projects")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.USER, Roles.API_TOKEN})
public class ProjectResource {
  @Inject ProjectService projects;

  public record ProjectResponse(String id, String name, Instant createdAt, long workflowsCount) {}

  public record ProjectList(List<ProjectResponse> items) {}

  @GET
  @Operation(operationId = "listProjects", summary = "List projects with their number of workflows")
  public ProjectList list() {
    return new ProjectList(
        projects.list().stream()
            .map(
                i ->
                    new ProjectResponse(
                        i.project().getId(),
                        i.project().getName(),
                        i.project().getCreatedAt(),
                        i.workflowsCount()))
            .toList());
  }
}
