package dev.chainloop.ee.discover;

import dev.chainloop.ee.artifact.Digests;
import dev.chainloop.ee.attestation.AttestationReference;
import dev.chainloop.ee.attestation.AttestationService;
import dev.chainloop.ee.platform.error.UnknownResourceException;
import dev.chainloop.ee.platform.security.Caller;
import dev.chainloop.ee.platform.security.Permission;
import dev.chainloop.ee.run.RunView;
import dev.chainloop.ee.run.WorkflowRunService;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the caller's organization knows about a digest: attestations, materials, subjects. */
@Stateless
public class DiscoverService {
  @Inject Caller caller;
  @Inject AttestationService attestations;
  @Inject WorkflowRunService runs;

  /** A node of the referrer graph. */
  public record Referrer(
      String digest,
      String kind,
      String name,
      RunView run,
      List<Referrer> references,
      List<Referrer> referencedBy) {}

  public Referrer discover(String digest) {
    caller.require(Permission.REFERRER_READ);
    String d = "sha256:" + Digests.hex(digest);
    var attestation = runs.findByDigest(d);
    if (attestation.isPresent()) {
      RunView run = runs.view(attestation.get());
      List<Referrer> refs =
          attestations.referencesOf(d).stream()
              .map(
                  r ->
                      new Referrer(
                          r.getDigest(), r.getKind(), r.getName(), null, List.of(), List.of()))
              .toList();
      return new Referrer(d, "ATTESTATION", run.workflow().name(), run, refs, List.of());
    }
    List<AttestationReference> refs = attestations.referencesTo(d);
    if (refs.isEmpty()) {
      throw new UnknownResourceException("nothing references " + d);
    }
    Map<String, Referrer> by = new LinkedHashMap<>();
    for (AttestationReference r : refs) {
      by.computeIfAbsent(
          r.getAttestationDigest(),
          k -> {
            RunView run = runs.findByDigest(k).map(runs::view).orElse(null);
            return new Referrer(
                k,
                "ATTESTATION",
                run == null ? null : run.workflow().name(),
                run,
                List.of(),
                List.of());
          });
    }
    AttestationReference first = refs.get(0);
    return new Referrer(
        d, first.getKind(), first.getName(), null, List.of(), new ArrayList<>(by.values()));
  }
}
