package dev.chainloop.ee.cli.commands.contract;

import java.util.ArrayList;
import java.util.List;

/** Splits a multi-document YAML stream on its {@code ---} lines, dropping empty documents. */
final class Documents {
  private Documents() {}

  static List<String> split(String stream) {
    List<String> docs = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : stream.lines().toList()) {
      if (line.equals("---") || line.startsWith("--- ")) {
        docs.add(current.toString());
        current.setLength(0);
      } else {
        current.append(line).append('\n');
      }
    }
    docs.add(current.toString());
    return docs.stream().filter(d -> !d.lines().allMatch(Documents::blankOrComment)).toList();
  }

  private static boolean blankOrComment(String line) {
    String s = line.strip();
    return s.isEmpty() || s.startsWith("#") || s.equals("...");
  }
}
