package io.socialbot.cli;

import io.socialbot.mention.replay.ReplayPace;
import io.socialbot.triage.opennlp.DoccatSentimentClassifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * The command line on picocli: {@code --help} on the jar and on every command prints usage and exits; options are
 * typed ({@link OptionTypes}) and bound into each command's options record, and a wrong, missing or unknown option
 * is refused by name with exit code 2. No command (or only {@code --name=value} settings) runs the bot.
 */
@Command(name = "socialbot", mixinStandardHelpOptions = true, version = "socialbot 0.1.0",
        description = "Chat-ops bot for a brand's social customer-care team. With no command it runs the bot "
                + "(settings as --socialbot.x.y=value); with a command it runs that and exits.",
        subcommands = {SocialbotCommands.Replay.class, SocialbotCommands.Eval.class, SocialbotCommands.Train.class,
                SocialbotCommands.Labels.class})
public final class SocialbotCommands implements Callable<Integer> {

    private final Clock clock;
    private final boolean terminal;

    /** The commands' progress lines run on {@code clock}, and show only when {@code terminal}. */
    SocialbotCommands(Clock clock, boolean terminal) {
        this.clock = clock;
        this.terminal = terminal;
    }

    /** Whether the arguments name a command or ask for help or the version; otherwise they start the bot. */
    public static boolean isCommand(String[] args) {
        return args.length > 0 && (!args[0].startsWith("-") || args[0].equals("--help") || args[0].equals("-h")
                || args[0].equals("--version") || args[0].equals("-V"));
    }

    /** Parses and runs the command; returns the process exit code (2 for a usage error, 1 for a failure). */
    public static int execute(String[] args) {
        return execute(args, new SocialbotCommands(Clock.systemUTC(), ProgressLine.outputIsATerminal()));
    }

    static int execute(String[] args, SocialbotCommands root) {
        picocli.CommandLine line = new picocli.CommandLine(root);
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

    /** A progress line for one run of {@code command}, on standard output. */
    ProgressLine progress(String command) {
        return new ProgressLine(command, System.out, clock, terminal);
    }

    @Override
    public Integer call() {
        new picocli.CommandLine(this).usage(System.out);
        return 0;
    }

    /** What every command shares: its options record built, or refused as a usage error, then run with a progress line. */
    abstract static class OneShot<T> implements Callable<Integer> {
        @ParentCommand
        SocialbotCommands root;
        @Spec
        CommandSpec spec;

        /** The parsed options as the command's record; an {@link IllegalArgumentException} if they do not go together. */
        abstract T options();

        abstract int run(T options, ProgressLine progress) throws Exception;

        @Override
        public Integer call() throws Exception {
            T options;
            try {
                options = options();
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            try (ProgressLine progress = root.progress(spec.name())) { // blanked on a failure too
                return run(options, progress);
            }
        }
    }

    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = "Stores a JSON Lines file of mentions in the configured Redis, or with --dry-run runs the "
                    + "whole pipeline on its own embedded Redis, Slack and X off, and writes decisions.jsonl and "
                    + "summary.json. On a terminal a progress line shows lines done, rate and time left.")
    static final class Replay extends OneShot<ReplayCommand.Options> {
        @Option(names = "--file", required = true, paramLabel = "FILE", converter = OptionTypes.ExistingFile.class,
                description = "JSON Lines of mentions")
        Path file;
        @Option(names = "--speed", paramLabel = "max|N", converter = OptionTypes.Pace.class, defaultValue = "max",
                description = "max (default), or N times the mentions' own created_at clock")
        ReplayPace speed;
        @Option(names = "--dry-run", arity = "0..1", fallbackValue = "true",
                description = "rehearse: embedded Redis, Slack and X off whatever the environment says")
        boolean dryRun;
        @Option(names = "--out", paramLabel = "DIR", description = "where a dry run writes (required with --dry-run)")
        Path out;
        @Option(names = "--brand", paramLabel = "@Handle", description = "brand handles to triage for, comma-separated")
        String brand;

        @Override
        ReplayCommand.Options options() {
            return new ReplayCommand.Options(file, speed, dryRun, out, brand);
        }

        @Override
        int run(ReplayCommand.Options options, ProgressLine progress) throws Exception {
            return ReplayCommand.run(options, progress);
        }
    }

    @Command(name = "eval", mixinStandardHelpOptions = true,
            description = "Scores sentiment on labelled tweets (TSV id, label, meta, text): the default blend, a "
                    + "model from train, or the lexicon alone; prints accuracy, macro-F1, per-class F1, texts/s.")
    static final class Eval extends OneShot<EvalCommand.Options> {
        @Option(names = "--file", required = true, paramLabel = "FILE.tsv", converter = OptionTypes.ExistingFile.class,
                description = "labelled tweets")
        Path file;
        @Option(names = "--model", paramLabel = "model.bin", converter = OptionTypes.ExistingFile.class,
                description = "a model written by train")
        Path model;
        @Option(names = "--lexicon", arity = "0..1", fallbackValue = "true", description = "the lexicon alone")
        boolean lexicon;

        @Override
        EvalCommand.Options options() {
            return new EvalCommand.Options(file, model, lexicon);
        }

        @Override
        int run(EvalCommand.Options options, ProgressLine progress) throws Exception {
            return EvalCommand.run(options, progress);
        }
    }

    @Command(name = "labels", mixinStandardHelpOptions = true,
            description = "Writes the sentiment labels agents gave posts in Slack (read from REDIS_URL) as a TSV that "
                    + "eval and train read, and says how often triage agreed with them.")
    static final class Labels extends OneShot<LabelsCommand.Options> {
        @Option(names = "--out", required = true, paramLabel = "FILE.tsv", converter = OptionTypes.NewFile.class,
                description = "where the labels go")
        Path out;

        @Override
        LabelsCommand.Options options() {
            return new LabelsCommand.Options(out);
        }

        @Override
        int run(LabelsCommand.Options options, ProgressLine progress) throws Exception {
            return LabelsCommand.run(options);
        }
    }

    @Command(name = "train", mixinStandardHelpOptions = true,
            description = "Trains a sentiment model on your labelled tweets (TSV id, label, meta, text).")
    static final class Train extends OneShot<TrainCommand.Options> {
        @Option(names = "--file", paramLabel = "FILE.tsv", converter = OptionTypes.ExistingFile.class,
                description = "labelled tweets; give it again for more files (your corpus, the team's labels)")
        List<Path> files = new ArrayList<>();
        @Option(names = "--with-corpus", arity = "0..1", fallbackValue = "true",
                description = "add the corpus the shipped model is trained on (15,000 posts written for socialbot)")
        boolean withCorpus;
        @Option(names = "--out", required = true, paramLabel = "model.bin", converter = OptionTypes.NewFile.class,
                description = "where the model goes")
        Path out;
        @Option(names = "--seed", defaultValue = "42", description = "shuffle seed (default 42)")
        long seed;
        @Option(names = "--iterations", defaultValue = "200",
                description = "training iterations (default 200, as the shipped model)")
        int iterations;
        @Option(names = "--embeddings", arity = "0..1", fallbackValue = "true",
                description = "add the sentence-embedding model (default: true when this build has the embedder, "
                        + "-Pembeddings; false trains in seconds)")
        Boolean embeddings;

        @Override
        TrainCommand.Options options() {
            return new TrainCommand.Options(files, withCorpus, out, seed, iterations,
                    embeddings == null ? DoccatSentimentClassifier.sentenceEmbeddingsAvailable() : embeddings);
        }

        @Override
        int run(TrainCommand.Options options, ProgressLine progress) throws Exception {
            return TrainCommand.run(options, progress);
        }
    }
}
