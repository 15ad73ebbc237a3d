package dev.chainloop.ee.project;

import dev.chainloop.ee.platform.security.TokenKind.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@ApplicationScoped
@Path("projects")
@Tag(name = "projects")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.USER, Roles.API_TOKEN})
public class ProjectResource {
  @Inject ProjectService projects;
  @Inject ProjectVersionService versions;

  public record ProjectResponse(String id, String name, Instant createdAt, long workflowsCount) {}

  public record ProjectList(List<ProjectResponse> items) {}

  public record ProjectVersionList(List<ProjectVersionView> items) {}

  public record UpdateProjectVersionRequest(
      @NotNull @Size(max = ProjectVersion.MAX_NAME) String newName) {}

  @GET
  @Operation(operationId = "listProjects", summary = "List projects with their number of workflows")
  public ProjectList list(
      @QueryParam("limit") @Parameter(description = "At most this many (1-100, default 100)")
          Integer limit) {
    return new ProjectList(
        projects.list(limit).stream()
            .map(
                i ->
                    new ProjectResponse(
                        i.project().getId(),
                        i.project().getName(),
                        i.project().getCreatedAt(),
                        i.workflowsCount()))
            .toList());
  }

  @GET
  @Path("{project}/versions")
  @Operation(
      operationId = "listProjectVersions",
      summary = "List a project's versions, newest first")
  public ProjectVersionList versions(
      @PathParam("project") String project,
      @QueryParam("limit") @Parameter(description = "At most this many (1-100, default 100)")
          Integer limit) {
    return new ProjectVersionList(
        versions.list(project, limit).stream().map(ProjectVersion::view).toList());
  }

  @GET
  @Path("{project}/versions/{version}")
  @Operation(operationId = "describeProjectVersion", summary = "A project version by its name")
  public ProjectVersionView version(
      @PathParam("project") String project, @PathParam("version") String version) {
    return versions.get(project, version).view();
  }

  @PATCH
  @Path("{project}/versions/{version}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "updateProjectVersion",
      summary = "Rename a project version; its runs keep pointing at it")
  public ProjectVersionView updateVersion(
      @PathParam("project") String project,
      @PathParam("version") String version,
      @Valid @NotNull UpdateProjectVersionRequest request) {
    return versions.rename(project, version, request.newName()).view();
  }
}
