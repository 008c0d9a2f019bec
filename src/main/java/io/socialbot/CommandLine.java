package io.socialbot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one-shot commands ({@code java -jar socialbot.jar <command> --name=value ...}); no command runs the bot.
 * Options take {@code --name=value} or {@code --name value}; a bare {@code --flag} is {@code true}.
 */
final class CommandLine {

    /** A one-shot command: reads its options, prints what it did, returns the process exit code. */
    interface Command {
        int run(Map<String, String> options) throws Exception;
    }

    private static final Map<String, Command> COMMANDS = new LinkedHashMap<>();

    static {
        // each capability adds its commands here, one line each
        COMMANDS.put("replay", io.socialbot.mention.replay.ReplayCommand::run);
        COMMANDS.put("bench", io.socialbot.platform.bench.BenchCommand::run);
        COMMANDS.put("incident-bench", io.socialbot.incident.redis.IncidentBench::run);
        COMMANDS.put("bench-stats", io.socialbot.stats.redis.StatsBench::run);
        COMMANDS.put("bench-triage", io.socialbot.triage.redis.TriageBench::run);
        COMMANDS.put("eval", io.socialbot.triage.opennlp.EvalCommand::run);
        COMMANDS.put("train", io.socialbot.triage.opennlp.TrainCommand::run);
    }

    private CommandLine() {
    }

    /** The command named by the first argument, ready to run; empty when the arguments start the bot. */
    static Optional<Runnable> parse(String[] args) {
        if (args.length == 0 || args[0].startsWith("-")) {
            return Optional.empty();
        }
        String name = args[0];
        Command command = COMMANDS.get(name);
        if (command == null) {
            return Optional.of(() -> {
                System.err.println("Unknown command '" + name + "'. Commands: " + String.join(", ", COMMANDS.keySet())
                        + " (or no command to run the bot).");
                System.exit(2);
            });
        }
        Map<String, String> options;
        try {
            options = options(List.of(args).subList(1, args.length));
        } catch (IllegalArgumentException e) {
            return Optional.of(() -> {
                System.err.println(name + ": " + e.getMessage());
                System.exit(2);
            });
        }
        return Optional.of(() -> {
            int code;
            try {
                code = command.run(options);
            } catch (IllegalArgumentException e) {
                System.err.println(name + ": " + e.getMessage());
                code = 2;
            } catch (Exception e) {
                System.err.println(name + " failed: " + e);
                code = 1;
            }
            System.exit(code);
        });
    }

    static Map<String, String> options(List<String> args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new IllegalArgumentException("expected --name=value, got '" + arg + "'");
            }
            int eq = arg.indexOf('=');
            if (eq > 0) {
                options.put(arg.substring(2, eq), arg.substring(eq + 1));
            } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                options.put(arg.substring(2), args.get(++i));
            } else {
                options.put(arg.substring(2), "true");
            }
        }
        return options;
    }

}
