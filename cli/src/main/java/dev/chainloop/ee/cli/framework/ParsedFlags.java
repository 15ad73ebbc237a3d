package dev.chainloop.ee.cli.framework;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.cli.CommandLine;

/**
 * Typed access to the values of a {@link FlagSet} after parsing, falling back to declared defaults.
 */
public final class ParsedFlags {
  private final FlagSet declared;
  private final CommandLine line;
  private final Set<String> explicitlyFalse;

  /**
   * @param explicitlyFalse booleans given as {@code --flag=false}: set, and false
   */
  public ParsedFlags(FlagSet declared, CommandLine line, Set<String> explicitlyFalse) {
    this.declared = declared;
    this.line = line;
    this.explicitlyFalse = Set.copyOf(explicitlyFalse);
  }

  private FlagSet.Flag flag(String name) {
    return declared
        .find(name)
        .orElseThrow(() -> new IllegalArgumentException("undeclared flag --" + name));
  }

  /** The positional arguments, as many as the command declares. */
  public List<String> arguments() {
    return line.getArgList();
  }

  /** True when the user passed the flag explicitly. */
  public boolean isSet(String name) {
    flag(name);
    return line.hasOption(name) || explicitlyFalse.contains(name);
  }

  public boolean bool(String name) {
    FlagSet.Flag f = flag(name);
    if (explicitlyFalse.contains(name)) {
      return false;
    }
    return line.hasOption(name) || f.defaultValue().map(Boolean::parseBoolean).orElse(false);
  }

  /** The value given on the command line, else the declared default, else empty. */
  public Optional<String> optional(String name) {
    FlagSet.Flag f = flag(name);
    if (line.hasOption(name)) {
      return Optional.ofNullable(line.getOptionValue(name));
    }
    return f.defaultValue();
  }

  /** Like {@link #optional} but blank strings count as absent. */
  public Optional<String> nonBlank(String name) {
    return optional(name).filter(s -> !s.isBlank());
  }

  public String string(String name) {
    return optional(name).orElse("");
  }

  public int integer(String name) {
    String raw = string(name);
    try {
      return Integer.parseInt(raw.trim());
    } catch (NumberFormatException e) {
      throw new UsageException(
          "invalid argument \"" + raw + "\" for \"--" + name + "\" flag: not a number");
    }
  }

  public List<String> strings(String name) {
    flag(name);
    String[] values = line.getOptionValues(name);
    List<String> out = new ArrayList<>();
    if (values != null) {
      Arrays.stream(values).map(String::trim).filter(s -> !s.isEmpty()).forEach(out::add);
    }
    return out;
  }
}
