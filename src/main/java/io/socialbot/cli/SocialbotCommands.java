package io.socialbot.cli;

import io.socialbot.mention.replay.ReplayPace;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/**
 * The command line on picocli: {@code --help} on the jar and on every command prints usage and exits, options are
 * typed and unknown ones are refused by name. No command (or only {@code --name=value} settings) runs the bot.
 */
@Command(name = "socialbot", mixinStandardHelpOptions = true, version = "socialbot 0.1.0",
        description = "Chat-ops bot for a brand's social customer-care team. With no command it runs the bot "
                + "(settings as --socialbot.x.y=value); with a command it runs that and exits.",
        subcommands = {SocialbotCommands.Replay.class, SocialbotCommands.Eval.class, SocialbotCommands.Train.class})
public final class SocialbotCommands implements Callable<Integer> {

    /** Whether the arguments name a command or ask for help or the version; otherwise they start the bot. */
    public static boolean isCommand(String[] args) {
        return args.length > 0 && (!args[0].startsWith("-") || args[0].equals("--help") || args[0].equals("-h")
                || args[0].equals("--version") || args[0].equals("-V"));
    }

    /** Parses and runs the command; returns the process exit code (2 for a usage error, 1 for a failure). */
    public static int execute(String[] args) {
        picocli.CommandLine line = new picocli.CommandLine(new SocialbotCommands());
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof IllegalArgumentException) {
                cmd.getErr().println(cmd.getCommandName() + ": " + e.getMessage());
                return 2;
            }
            cmd.getErr().println(cmd.getCommandName() + " failed: " + e);
            return 1;
        });
        return line.execute(args);
    }

    @Override
    public Integer call() {
        new picocli.CommandLine(this).usage(System.out);
        return 0;
    }

    /** Accepts {@code max}, {@code 60} or {@code 60x}, refusing anything else while parsing. */
    static final class PaceText implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            ReplayPace.parse(value);
            return value;
        }
    }

    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = "Stores a JSON Lines file of mentions in the configured Redis, or with --dry-run runs the "
                    + "whole pipeline on its own embedded Redis, Slack and X off, and writes decisions.jsonl and "
                    + "summary.json.")
    static final class Replay implements Callable<Integer> {
        @Option(names = "--file", required = true, paramLabel = "FILE", description = "JSON Lines of mentions")
        Path file;
        @Option(names = "--speed", paramLabel = "max|N", converter = PaceText.class, defaultValue = "max",
                description = "max (default), or N times the mentions' own created_at clock")
        String speed;
        @Option(names = "--dry-run", arity = "0..1", fallbackValue = "true",
                description = "rehearse: embedded Redis, Slack and X off whatever the environment says")
        boolean dryRun;
        @Option(names = "--out", paramLabel = "DIR", description = "where a dry run writes (required with --dry-run)")
        Path out;
        @Option(names = "--brand", paramLabel = "@Handle", description = "brand handles to triage for, comma-separated")
        String brand;

        @Override
        public Integer call() throws Exception {
            Map<String, String> options = new LinkedHashMap<>();
            options.put("file", file.toString());
            options.put("speed", speed);
            options.put("dry-run", String.valueOf(dryRun));
            if (out != null) {
                options.put("out", out.toString());
            }
            if (brand != null) {
                options.put("brand", brand);
            }
            return ReplayCommand.run(options);
        }
    }

    @Command(name = "eval", mixinStandardHelpOptions = true,
            description = "Scores sentiment on labelled tweets (TSV id, label, meta, text): the default blend, a "
                    + "model from train, or the lexicon alone; prints accuracy, macro-F1, per-class F1, texts/s.")
    static final class Eval implements Callable<Integer> {
        @Option(names = "--file", required = true, paramLabel = "FILE.tsv", description = "labelled tweets")
        Path file;
        @Option(names = "--model", paramLabel = "model.bin", description = "a model written by train")
        Path model;
        @Option(names = "--lexicon", arity = "0..1", fallbackValue = "true", description = "the lexicon alone")
        boolean lexicon;

        @Override
        public Integer call() throws Exception {
            Map<String, String> options = new LinkedHashMap<>();
            options.put("file", file.toString());
            if (model != null) {
                options.put("model", model.toString());
            }
            options.put("lexicon", String.valueOf(lexicon));
            return EvalCommand.run(options);
        }
    }

    @Command(name = "train", mixinStandardHelpOptions = true,
            description = "Trains a sentiment model on your labelled tweets (TSV id, label, meta, text).")
    static final class Train implements Callable<Integer> {
        @Option(names = "--file", required = true, paramLabel = "FILE.tsv", description = "labelled tweets")
        Path file;
        @Option(names = "--out", required = true, paramLabel = "model.bin", description = "where the model goes")
        Path out;
        @Option(names = "--seed", defaultValue = "42", description = "shuffle seed (default 42)")
        long seed;
        @Option(names = "--iterations", defaultValue = "100", description = "training iterations (default 100)")
        int iterations;
        @Option(names = "--embeddings", arity = "0..1", fallbackValue = "true", defaultValue = "true",
                description = "add the sentence-embedding model (default true; false trains in seconds)")
        boolean embeddings;

        @Override
        public Integer call() throws Exception {
            return TrainCommand.run(Map.of("file", file.toString(), "out", out.toString(),
                    "seed", String.valueOf(seed), "iterations", String.valueOf(iterations),
                    "embeddings", String.valueOf(embeddings)));
        }
    }
}
