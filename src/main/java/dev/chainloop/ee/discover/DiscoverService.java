package dev.chainloop.ee.discover;

import dev.chainloop.ee.artifact.Digests;
import dev.chainloop.ee.attestation.AttestationReference;
import dev.chainloop.ee.attestation.AttestationService;
import dev.chainloop.ee.platform.error.InvalidInputException;
import dev.chainloop.ee.platform.error.UnknownResourceException;
import dev.chainloop.ee.platform.security.Caller;
import dev.chainloop.ee.platform.security.Permission;
import dev.chainloop.ee.run.PolicyResults;
import dev.chainloop.ee.run.RunView;
import dev.chainloop.ee.run.WorkflowRunService;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What the caller's organization knows about a digest: attestations, materials, subjects. */
@Stateless
public class DiscoverService {
  @Inject Caller caller;
  @Inject AttestationService attestations;
  @Inject WorkflowRunService runs;

  /**
   * A node of the referrer graph; an attestation's node carries its run and what the contract's
   * policies said at push ({@code policies}, absent when the contract attaches none).
   */
  @JsonbPropertyOrder({
    "digest",
    "kind",
    "name",
    "run",
    "policies",
    "references",
    "referencedBy",
    "nextCursor"
  })
  public record Referrer(
      String digest,
      String kind,
      String name,
      RunView run,
      PolicyResults policies,
      List<Referrer> references,
      List<Referrer> referencedBy,
      String nextCursor) {
    Referrer(
        String digest,
        String kind,
        String name,
        RunView run,
        PolicyResults policies,
        List<Referrer> references,
        List<Referrer> referencedBy) {
      this(digest, kind, name, run, policies, references, referencedBy, null);
    }
  }

  public static final int MAX_LIMIT = 100;

  /**
   * The referrer node of {@code digest}; its neighbours (what an attestation names, or the
   * attestations naming a material) filtered by {@code kind} and paged by {@code limit}/{@code
   * next}.
   */
  public Referrer discover(String digest, String kind, Integer limit, String next) {
    int size = limit == null ? 20 : limit;
    if (size < 1 || size > MAX_LIMIT) {
      throw new InvalidInputException("limit", "must be between 1 and " + MAX_LIMIT);
    }
    int offset = decode(next);
    Referrer all = discover(digest);
    String k = kind == null || kind.isBlank() ? null : kind.trim().toUpperCase(Locale.ROOT);
    List<Referrer> neighbours =
        (all.references().isEmpty() ? all.referencedBy() : all.references())
            .stream().filter(r -> k == null || k.equals(r.kind())).toList();
    List<Referrer> page = neighbours.stream().skip(offset).limit(size).toList();
    String cursor = offset + size < neighbours.size() ? encode(offset + size) : null;
    boolean outgoing = !all.references().isEmpty();
    return new Referrer(
        all.digest(),
        all.kind(),
        all.name(),
        all.run(),
        all.policies(),
        outgoing ? page : List.of(),
        outgoing ? List.of() : page,
        cursor);
  }

  private static String encode(int offset) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(("o" + offset).getBytes(StandardCharsets.UTF_8));
  }

  private static int decode(String next) {
    if (next == null || next.isBlank()) {
      return 0;
    }
    try {
      String raw = new String(Base64.getUrlDecoder().decode(next.trim()), StandardCharsets.UTF_8);
      int offset = Integer.parseInt(raw.substring(1));
      if (!raw.startsWith("o") || offset < 0) {
        throw new IllegalArgumentException();
      }
      return offset;
    } catch (RuntimeException e) {
      throw new InvalidInputException("next", "invalid cursor");
    }
  }

  private Referrer discover(String digest) {
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
                          r.getDigest(),
                          r.getKind(),
                          r.getName(),
                          null,
                          null,
                          List.of(),
                          List.of()))
              .toList();
      return new Referrer(
          d,
          "ATTESTATION",
          run.workflow().name(),
          run,
          runs.policyResults(attestation.get()),
          refs,
          List.of());
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
            var found = runs.findByDigest(k);
            RunView run = found.map(runs::view).orElse(null);
            return new Referrer(
                k,
                "ATTESTATION",
                run == null ? null : run.workflow().name(),
                run,
                found.map(runs::policyResults).orElse(null),
                List.of(),
                List.of());
          });
    }
    AttestationReference first = refs.get(0);
    return new Referrer(
        d, first.getKind(), first.getName(), null, null, List.of(), new ArrayList<>(by.values()));
  }
}
