package dev.chainloop.ee.cli.client.model;

import java.util.List;
import java.util.Optional;

/** What push answers and what a run stores about one policy evaluation, rendered alike. */
public interface PolicyVerdict {
  String policy();

  Optional<Integer> revision();

  boolean gate();

  Optional<String> material();

  List<String> violations();

  boolean skipped();

  Optional<String> skipReason();
}
