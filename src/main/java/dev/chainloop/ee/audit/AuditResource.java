package dev.chainloop.ee.audit;

import dev.chainloop.ee.platform.persistence.Page;
import dev.chainloop.ee.platform.persistence.PageRequest;
import dev.chainloop.ee.platform.security.TokenKind.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@ApplicationScoped
@Path("audit-events")
@Tag(name = "audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {
  @Inject AuditService audit;

  public record AuditEventResponse(
      String id,
      Instant occurredAt,
      String action,
      String actor,
      String targetType,
      String targetId,
      String detail,
      String requestId,
      Long chainPosition,
      String previousHash,
      String hash) {
    static AuditEventResponse of(AuditEvent e) {
      return new AuditEventResponse(
          e.getId(),
          e.getOccurredAt(),
          e.getAction(),
          e.getActor(),
          e.getTargetType(),
          e.getTargetId(),
          e.getDetail(),
          e.getRequestId(),
          e.getChainPosition(),
          e.getPreviousHash(),
          e.getHash());
    }
  }

  /** The verdict on the organization's audit chain; {@code brokenLink} is null when intact. */
  public record AuditChainResponse(
      boolean intact,
      long events,
      long legacyEvents,
      String headHash,
      AuditChainVerification.BrokenLink brokenLink) {
    static AuditChainResponse of(AuditChainVerification v) {
      return new AuditChainResponse(
          v.intact(), v.events(), v.legacyEvents(), v.headHash(), v.brokenLink().orElse(null));
    }
  }

  @GET
  @RolesAllowed({Roles.USER, Roles.API_TOKEN})
  @Operation(
      operationId = "listAuditEvents",
      summary = "The organization's audit log, newest first (admins and owners)")
  public Page<AuditEventResponse> list(
      @QueryParam("page") Integer page, @QueryParam("limit") Integer limit) {
    return audit.list(PageRequest.of(page, limit, 50)).map(AuditEventResponse::of);
  }

  @GET
  @Path("verification")
  @RolesAllowed({Roles.USER, Roles.API_TOKEN})
  @Operation(
      operationId = "verifyAuditChain",
      summary =
          "Recomputes the organization's audit hash chain and names its first broken link (admins"
              + " and owners)")
  public AuditChainResponse verify() {
    return AuditChainResponse.of(audit.verify());
  }
}
