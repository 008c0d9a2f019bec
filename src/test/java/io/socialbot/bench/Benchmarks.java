package io.socialbot.bench;

import io.socialbot.cli.CommandLine;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The benchmarks' entry point, outside the product jar: {@code ./mvnw -q -Pbench verify -Dbench="bench-triage
 * --mentions=20000"} (see the README's Benchmarks section).
 */
public final class Benchmarks {

    static final Map<String, CommandLine.Command> BENCHES = new LinkedHashMap<>();

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
        CommandLine.parse(args.length == 0 ? new String[] {"help"} : args, BENCHES).orElseThrow().run();
    }
}
