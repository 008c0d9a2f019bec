package io.socialbot.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmarks' entry point, outside the product jar: {@code ./mvnw -q -Pbench test-compile -Dbench="bench-triage
 * --mentions=20000"} (see the README's Benchmarks section). Each takes {@code --name=value} options.
 */
public final class Benchmarks {

    /** A benchmark: reads its options, prints its figures, returns the process exit code. */
    interface Bench {
        int run(Map<String, String> options) throws Exception;
    }

    static final Map<String, Bench> BENCHES = new LinkedHashMap<>();

    static {
        BENCHES.put("bench", BenchCommand::run);
        BENCHES.put("incident-bench", io.socialbot.incident.redis.IncidentBench::run);
        BENCHES.put("bench-stats", io.socialbot.stats.redis.StatsBench::run);
        BENCHES.put("bench-triage", io.socialbot.triage.redis.TriageBench::run);
    }

    private Benchmarks() {
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        Bench bench = args.length == 0 ? null : BENCHES.get(args[0]);
        if (bench == null) {
            System.err.println("Benchmarks: " + String.join(", ", BENCHES.keySet()) + " (then --name=value options).");
            System.exit(2);
        }
        int code;
        try {
            code = bench.run(options(List.of(args).subList(1, args.length)));
        } catch (IllegalArgumentException e) {
            System.err.println(args[0] + ": " + e.getMessage());
            code = 2;
        } catch (Exception e) {
            System.err.println(args[0] + " failed: " + e);
            code = 1;
        }
        System.exit(code);
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
