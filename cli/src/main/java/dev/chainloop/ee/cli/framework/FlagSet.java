package dev.chainloop.ee.cli.framework;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * Declared flags of one command, in pflag terms (type name and default shown in help), turned into
 * Commons CLI {@link Options} for parsing.
 */
public final class FlagSet {

  public enum Type {
    BOOL(""),
    STRING("string"),
    INT("int"),
    DURATION("duration"),
    /** Repeatable, and each value may list several separated by commas (pflag's StringSlice). */
    STRINGS("strings"),
    /** Repeatable, each value taken whole, commas included (pflag's StringArray). */
    STRING_ARRAY("stringArray");

    private final String helpName;

    Type(String helpName) {
      this.helpName = helpName;
    }
  }

  /** One declared flag; mutable only while the owning command declares it. */
  public static final class Flag {
    private final String name;
    private final Type type;
    private String shortName;
    private String usage;
    private String defaultValue;
    private boolean required;

    private Flag(String name, Type type) {
      this.name = name;
      this.type = type;
    }

    public Flag shorthand(String s) {
      this.shortName = s;
      return this;
    }

    public Flag usage(String u) {
      this.usage = u;
      return this;
    }

    public Flag defaultValue(String d) {
      this.defaultValue = d;
      return this;
    }

    public Flag required() {
      this.required = true;
      return this;
    }

    public String name() {
      return name;
    }

    public Type type() {
      return type;
    }

    public Optional<String> shortName() {
      return Optional.ofNullable(shortName);
    }

    public String usage() {
      return usage == null ? "" : usage;
    }

    public Optional<String> defaultValue() {
      return Optional.ofNullable(defaultValue);
    }

    public boolean isRequired() {
      return required;
    }

    Option toOption() {
      Option.Builder b = Option.builder(shortName).longOpt(name).desc(usage());
      if (type != Type.BOOL) {
        b.hasArg().argName(type.helpName);
      }
      if (type == Type.STRINGS) {
        b.hasArgs().valueSeparator(',');
      }
      return b.get();
    }

    /** pflag's left column, e.g. {@code " -n, --name string"}. */
    String helpLeft() {
      String left = shortName == null ? "      --" + name : "  -" + shortName + ", --" + name;
      return type == Type.BOOL ? left : left + " " + type.helpName;
    }

    String helpRight() {
      String text = usage();
      if (defaultValue != null
          && !defaultValue.isEmpty()
          && !(type == Type.BOOL && defaultValue.equals("false"))) {
        text +=
            type == Type.STRING
                ? " (default \"" + defaultValue + "\")"
                : " (default " + defaultValue + ")";
      }
      return text;
    }
  }

  private final List<Flag> flags = new ArrayList<>();

  public Flag bool(String name, String usage) {
    return add(name, Type.BOOL, usage);
  }

  public Flag string(String name, String usage) {
    return add(name, Type.STRING, usage);
  }

  public Flag integer(String name, String usage) {
    return add(name, Type.INT, usage);
  }

  public Flag duration(String name, String usage) {
    return add(name, Type.DURATION, usage);
  }

  public Flag strings(String name, String usage) {
    return add(name, Type.STRINGS, usage);
  }

  public Flag stringArray(String name, String usage) {
    return add(name, Type.STRING_ARRAY, usage);
  }

  private Flag add(String name, Type type, String usage) {
    if (find(name).isPresent()) {
      throw new IllegalStateException("flag --" + name + " declared twice");
    }
    Flag f = new Flag(name, type).usage(usage);
    flags.add(f);
    return f;
  }

  public Optional<Flag> find(String name) {
    return flags.stream().filter(f -> f.name.equals(name)).findFirst();
  }

  public List<Flag> all() {
    return List.copyOf(flags);
  }

  /**
   * Drops the flags a command redefines (same long or short name), as Cobra lets a local flag
   * shadow a persistent one: {@code artifact download --output FILE} is not {@code -o json}.
   */
  public void removeShadowedBy(FlagSet local) {
    flags.removeIf(
        f ->
            local.flags.stream()
                .anyMatch(
                    l ->
                        l.name.equals(f.name)
                            || (l.shortName != null && l.shortName.equals(f.shortName))));
  }

  public void addTo(Options options) {
    for (Flag f : flags) {
      options.addOption(f.toOption());
    }
  }

  /** Renders the flags like pflag's {@code FlagUsages}: sorted by name, usage column aligned. */
  public String usages() {
    List<Flag> sorted = new ArrayList<>(flags);
    sorted.sort(Comparator.comparing(Flag::name));
    int width = sorted.stream().mapToInt(f -> f.helpLeft().length()).max().orElse(0);
    StringBuilder sb = new StringBuilder();
    for (Flag f : sorted) {
      String left = f.helpLeft();
      sb.append(left)
          .append(" ".repeat(width - left.length() + 3))
          .append(f.helpRight())
          .append('\n');
    }
    return sb.toString();
  }
}
