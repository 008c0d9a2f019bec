package io.socialbot.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one-shot commands ({@code java -jar socialbot.jar <command> --name=value ...}); no command runs the bot.
 * Options take {@code --name=value} or {@code --name value}; a bare {@code --flag} is {@code true}.
 */
public final class CommandLine {

    /** A one-shot command: reads its options, prints what it did, returns the process exit code. */
    public interface Command {
        int run(Map<String, String> options) throws Exception;
    }

    private static final Map<String, Command> COMMANDS = new LinkedHashMap<>();

    static {
        // each capability adds its commands here, one line each
        COMMANDS.put("replay", io.socialbot.cli.ReplayCommand::run);
        COMMANDS.put("eval", io.socialbot.cli.EvalCommand::run);
        COMMANDS.put("train", io.socialbot.cli.TrainCommand::run);
    }

    private CommandLine() {
    }

    /** The command named by the first argument, ready to run; empty when the arguments start the bot. */
    public static Optional<Runnable> parse(String[] args) {
        return parse(args, COMMANDS);
    }

    /** The command of {@code commands} named by the first argument, ready to run; empty when there is none. */
    public static Optional<Runnable> parse(String[] args, Map<String, Command> commands) {
        if (args.length == 0 || args[0].startsWith("-")) {
            return Optional.empty();
        }
        String name = args[0];
        Command command = commands.get(name);
        if (command == null) {
            return Optional.of(() -> {
                System.err.println("Unknown command '" + name + "'. Commands: " + String.join(", ", commands.keySet())
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
