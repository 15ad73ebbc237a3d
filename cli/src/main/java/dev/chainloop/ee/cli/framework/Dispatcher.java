package dev.chainloop.ee.cli.framework;

import dev.chainloop.ee.cli.config.Settings;
import dev.chainloop.ee.cli.output.Log;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.MissingArgumentException;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.apache.commons.cli.UnrecognizedOptionException;

/**
 * Finds the command a command line names, parses its flags (global ones may appear anywhere, as
 * Cobra's persistent flags), shows help or runs the leaf.
 */
public final class Dispatcher {
  private final CommandGroup root;

  public Dispatcher(CommandGroup root) {
    this.root = root;
  }

  public int dispatch(
      String[] args, Map<String, String> env, InputStream in, PrintStream out, Log baseLog)
      throws Exception {
    FlagSet globalsForScan = GlobalFlags.declare();
    List<CommandNode> path = new ArrayList<>(List.of(root));
    List<String> rest = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      CommandNode node = path.get(path.size() - 1);
      if (arg.equals("--")) {
        rest.addAll(Arrays.asList(args).subList(i, args.length));
        break;
      }
      if (arg.startsWith("-") && arg.length() > 1) {
        rest.add(arg);
        if (takesSeparateValue(globalsForScan, arg) && i + 1 < args.length) {
          rest.add(args[++i]);
        }
        continue;
      }
      if (node instanceof CommandGroup group) {
        CommandNode child =
            group
                .child(arg)
                .orElseThrow(
                    () ->
                        new UsageException(
                            "unknown command \"" + arg + "\" for \"" + fullName(path) + "\""));
        path.add(child);
      } else {
        rest.add(arg);
      }
    }

    CommandNode node = path.get(path.size() - 1);
    List<String> formats = node.outputFormats();
    FlagSet globals = GlobalFlags.declare(formats);
    FlagSet local = new FlagSet();
    node.defineFlags(local);
    globals.removeShadowedBy(local);
    Options options = new Options();
    globals.addTo(options);
    local.addTo(options);
    options.addOption("h", GlobalFlags.HELP, false, "help");

    Set<String> explicitlyFalse = new HashSet<>();
    CommandLine line =
        parse(options, explicitBooleans(rest, List.of(local, globals), explicitlyFalse));
    if (line.hasOption(GlobalFlags.HELP) || node instanceof CommandGroup) {
      out.print(Help.render(path));
      return 0;
    }
    int expected = ((LeafCommand) node).arguments().size();
    if (expected == 0 && !line.getArgList().isEmpty()) {
      throw new UsageException(
          "unknown argument \"" + line.getArgList().get(0) + "\" for \"" + fullName(path) + "\"");
    }
    if (line.getArgList().size() != expected) {
      throw new UsageException(
          "accepts " + expected + " arg(s), received " + line.getArgList().size());
    }
    List<String> missing =
        local.all().stream()
            .filter(f -> f.isRequired() && !line.hasOption(f.name()))
            .map(f -> "\"" + f.name() + "\"")
            .toList();
    if (!missing.isEmpty()) {
      throw new UsageException("required flag(s) " + String.join(", ", missing) + " not set");
    }

    ParsedFlags globalValues = new ParsedFlags(globals, line, explicitlyFalse);
    String format =
        globals.find(GlobalFlags.OUTPUT).isPresent()
            ? globalValues.string(GlobalFlags.OUTPUT)
            : formats.get(0);
    if (!formats.contains(format)) {
      throw new CliException("format not implemented");
    }
    Settings settings = Settings.resolve(globalValues, env);
    Log log =
        baseLog.isDebug() == settings.debug()
            ? baseLog
            : new Log(baseLog.stream(), settings.debug());
    CliContext ctx =
        new CliContext(
            env,
            in,
            out,
            log,
            settings,
            new ParsedFlags(local, line, explicitlyFalse),
            format,
            Clock.systemUTC(),
            ((LeafCommand) node).acceptsCiIdentity());
    ((LeafCommand) node).run(ctx);
    // after the work, so that a failing deprecated command still prints one error line only
    node.deprecation()
        .ifPresent(why -> log.warn("Command \"" + node.name() + "\" is deprecated, " + why));
    return 0;
  }

  private static boolean takesSeparateValue(FlagSet globals, String arg) {
    if (arg.contains("=")) {
      return false;
    }
    if (arg.startsWith("--")) {
      String name = arg.substring(2);
      return globals.find(name).map(f -> f.type() != FlagSet.Type.BOOL).orElse(false);
    }
    if (arg.length() != 2) {
      return false;
    }
    String shorthand = arg.substring(1);
    return globals.all().stream()
        .anyMatch(
            f ->
                f.shortName().map(shorthand::equals).orElse(false)
                    && f.type() != FlagSet.Type.BOOL);
  }

  /**
   * pflag takes {@code --flag=true|false} for a boolean (upstream pipelines pass {@code
   * --mark-latest=false}); Commons CLI does not. Rewrites {@code --flag=<true>} to {@code --flag}
   * and drops {@code --flag=<false>}, recording it in {@code explicitlyFalse}; values as pflag's
   * ParseBool reads them.
   */
  private static List<String> explicitBooleans(
      List<String> args, List<FlagSet> declared, Set<String> explicitlyFalse) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--")) {
        out.addAll(args.subList(i, args.size()));
        break;
      }
      int eq = arg.indexOf('=');
      String name = arg.startsWith("--") && eq > 2 ? arg.substring(2, eq) : null;
      boolean bool =
          name != null
              && declared.stream()
                  .anyMatch(
                      d -> d.find(name).map(f -> f.type() == FlagSet.Type.BOOL).orElse(false));
      if (!bool) {
        out.add(arg);
        continue;
      }
      String value = arg.substring(eq + 1);
      switch (value) {
        case "1", "t", "T", "true", "TRUE", "True" -> out.add("--" + name);
        case "0", "f", "F", "false", "FALSE", "False" -> explicitlyFalse.add(name);
        default ->
            throw new UsageException(
                "invalid argument \""
                    + value
                    + "\" for \"--"
                    + name
                    + "\" flag: strconv.ParseBool: parsing \""
                    + value
                    + "\": invalid syntax");
      }
    }
    return out;
  }

  private static CommandLine parse(Options options, List<String> rest) {
    try {
      return DefaultParser.builder()
          .setAllowPartialMatching(false)
          .get()
          .parse(options, rest.toArray(String[]::new), false);
    } catch (UnrecognizedOptionException e) {
      String opt = e.getOption();
      if (opt.startsWith("--")) {
        throw new UsageException("unknown flag: " + opt.split("=", 2)[0]);
      }
      throw new UsageException(
          "unknown shorthand flag: '"
              + opt.substring(1, Math.min(2, opt.length()))
              + "' in "
              + opt);
    } catch (MissingArgumentException e) {
      throw new UsageException("flag needs an argument: --" + e.getOption().getLongOpt());
    } catch (ParseException e) {
      throw new UsageException(e.getMessage());
    }
  }

  private static String fullName(List<CommandNode> path) {
    return path.stream().map(CommandNode::name).collect(Collectors.joining(" "));
  }
}
