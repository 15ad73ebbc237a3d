package dev.chainloop.ee.platform;

import dev.chainloop.ee.platform.error.Problem;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Documents the one error model on every operation: each gets a {@code default} response with the
 * problem+json schema, so generated clients raise a typed error for any 4xx/5xx.
 */
public class ProblemResponsesFilter implements OASFilter {
  @Override
  public Operation filterOperation(Operation operation) {
    if (operation.getResponses() != null
        && operation.getResponses().getAPIResponse("default") == null) {
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
    return operation;
  }
}
