package dev.chainloop.ee.platform;

import dev.chainloop.ee.platform.error.Problem;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Makes the generated document say what the API does, so that generated clients are typed: every
 * operation gets a {@code default} problem+json response (the one error model), and operations
 * without a body (JAX-RS {@code void}) answer 204, not an empty 200.
 */
public class ProblemResponsesFilter implements OASFilter {
  @Override
  public PathItem filterPathItem(PathItem pathItem) {
    pathItem
        .getOperations()
        .forEach(
            (method, operation) -> {
              if (method != PathItem.HttpMethod.HEAD) {
                emptyOkBecomesNoContent(operation);
              }
              addProblemDefault(operation);
            });
    return pathItem;
  }

  private static void emptyOkBecomesNoContent(Operation operation) {
    if (operation.getResponses() == null) {
      return;
    }
    APIResponse ok = operation.getResponses().getAPIResponse("200");
    if (ok != null && (ok.getContent() == null || ok.getContent().getMediaTypes().isEmpty())) {
      operation.getResponses().removeAPIResponse("200");
      operation
          .getResponses()
          .addAPIResponse("204", OASFactory.createAPIResponse().description("No Content"));
    }
  }

  private static void addProblemDefault(Operation operation) {
    if (operation.getResponses() == null
        || operation.getResponses().getAPIResponse("default") != null) {
      return;
    }
    Schema problem = OASFactory.createSchema().ref("Problem");
    Content content =
        OASFactory.createContent()
            .addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType().schema(problem));
    operation
        .getResponses()
        .addAPIResponse(
            "default",
            OASFactory.createAPIResponse()
                .description("Error (RFC 9457 problem details)")
                .content(content));
  }
}
