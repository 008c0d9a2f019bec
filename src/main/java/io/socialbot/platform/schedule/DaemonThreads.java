package io.socialbot.platform.schedule;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** The one way to make worker threads for work after a Slack ack: named, daemon, in a fixed pool. */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    /** Threads named {@code name-1}, {@code name-2}...; daemon, so they never hold the JVM open. */
    public static ThreadFactory named(String name) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Starts {@code work} once on its own daemon thread named {@code name} (a long job at start, a replay). */
    public static Thread startOne(String name, Runnable work) {
        Thread t = new Thread(work, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** A fixed pool of {@code threads} daemon threads named after {@code name}; shut it down with its bean. */
    public static ExecutorService pool(String name, int threads) {
        return Executors.newFixedThreadPool(threads, named(name));
    }
}
