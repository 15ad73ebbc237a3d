package dev.chainloop.ee.attestation;

import dev.chainloop.ee.platform.error.InvalidInputException;
import dev.chainloop.ee.platform.security.TokenKind.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@ApplicationScoped
@Path("signing")
@Tag(name = "signing")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SigningResource {
  static final String TIMESTAMP_QUERY = "application/timestamp-query";
  static final String TIMESTAMP_REPLY = "application/timestamp-reply";

  /** A TimeStampReq is a few hundred bytes; anything far larger is not one. */
  static final int MAX_TIMESTAMP_REQUEST = 16 * 1024;

  @Inject AttestationService attestations;
  @Inject TimestampAuthority timestampAuthority;
  @Inject SigstoreTrustedRoot sigstoreTrustedRoot;

  public record CertificateRequest(String csr, String publicKey) {}

  public record CertificateChain(String chain) {}

  public record TrustedRoot(String certificate) {}

  @POST
  @Path("certificates")
  @RolesAllowed({Roles.USER, Roles.API_TOKEN, Roles.ROBOT_ACCOUNT})
  @Operation(
      operationId = "generateSigningCertificate",
      summary =
          "A 10-minute code-signing certificate chain (PEM, leaf first) for a CSR or public key")
  public CertificateChain certificate(@NotNull CertificateRequest request) {
    return new CertificateChain(
        attestations.signingCertificate(request.csr(), request.publicKey()));
  }

  @POST
  @Path("timestamp")
  @Consumes(TIMESTAMP_QUERY)
  @Produces(TIMESTAMP_REPLY)
  @RolesAllowed({Roles.USER, Roles.API_TOKEN, Roles.ROBOT_ACCOUNT})
  @Operation(
      operationId = "timestamp",
      summary = "RFC 3161 timestamp (DER TimeStampReq in, DER TimeStampResp out)")
  public byte[] timestamp(InputStream body) throws IOException {
    byte[] request = body.readNBytes(MAX_TIMESTAMP_REQUEST + 1);
    if (request.length > MAX_TIMESTAMP_REQUEST) {
      throw new InvalidInputException("timestampRequest", "larger than 16 KiB");
    }
    return timestampAuthority.respond(request);
  }

  @GET
  @Path("trusted-root")
  @PermitAll
  @Operation(operationId = "getTrustedRoot", summary = "The keyless signing CA certificate (PEM)")
  public TrustedRoot trustedRoot() {
    return new TrustedRoot(attestations.trustedRoot());
  }

  @GET
  @Path("trusted-root/sigstore")
  @PermitAll
  @Operation(
      operationId = "getSigstoreTrustedRoot",
      summary =
          "The signing CA and timestamp authorities as a Sigstore TrustedRoot document, for"
              + " verifying bundles offline")
  public SigstoreTrustedRoot.Document sigstoreTrustedRoot() {
    return sigstoreTrustedRoot.document();
  }
}
