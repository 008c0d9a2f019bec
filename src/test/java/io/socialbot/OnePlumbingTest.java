package io.socialbot;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/**
 * One way per piece of plumbing: Lua runs only through {@code platform.redis.RedisScript} (EVALSHA with the NOSCRIPT
 * fallback), and threads are made only in {@code platform.schedule} (the one scheduler, {@code DaemonThreads}); the
 * platform retry policy alone may sleep. Each rule is also shown failing on a planted offender.
 */
class OnePlumbingTest {

    private static final Set<String> LUA = Set.of("eval", "evalsha", "evalReadonly", "evalshaReadonly",
            "scriptLoad", "fcall", "fcallReadonly", "functionLoad");

    /** No class outside platform.redis sends Lua to Redis itself. */
    static ArchRule luaOnlyThroughRedisScript() {
        return noClasses().that().resideOutsideOfPackage("io.socialbot.platform.redis..")
                .should().callMethodWhere(describe("a Jedis EVAL/EVALSHA/SCRIPT LOAD/FCALL",
                        (JavaCall<?> call) -> LUA.contains(call.getName())
                                && call.getTargetOwner().getPackageName().startsWith("redis.clients")))
                .because("Lua goes through platform.redis.RedisScript: EVALSHA, the body only on NOSCRIPT");
    }

    /** By name too: a class outside the import (a JDK pool) is known only by its name, not its supertypes. */
    private static final List<String> THREAD_MAKERS = List.of(Thread.class.getName(), java.util.Timer.class.getName(),
            ThreadPoolExecutor.class.getName(), ScheduledThreadPoolExecutor.class.getName(),
            java.util.concurrent.ForkJoinPool.class.getName());

    /** No class outside platform.schedule makes a thread or a pool; only the platform may sleep. */
    static ArchRule threadsOnlyFromThePlatform() {
        String[] platform = {"io.socialbot.platform.schedule..", "io.socialbot.platform.retry.."};
        return CompositeArchRule.of(noClasses().that().resideOutsideOfPackages(platform)
                        .should().callConstructorWhere(describe("a new Thread, Timer or thread pool",
                                (JavaCall<?> call) -> THREAD_MAKERS.stream()
                                        .anyMatch(type -> call.getTargetOwner().isAssignableTo(type))))
                        .because("periodic work is a platform.schedule.RepeatingTask on the one scheduler; work "
                                + "after an ack runs on a platform.schedule.DaemonThreads pool"))
                .and(noClasses().that().resideOutsideOfPackages(platform)
                        .should().callMethodWhere(describe("Executors.new...",
                                (JavaCall<?> call) -> call.getTargetOwner().isEquivalentTo(Executors.class)
                                        && call.getName().startsWith("new")))
                        .because("pools come from platform.schedule.DaemonThreads"))
                .and(noClasses().that().resideOutsideOfPackages(platform)
                        .should().callMethodWhere(describe("Thread.sleep",
                                (JavaCall<?> call) -> call.getTargetOwner().isEquivalentTo(Thread.class)
                                        && call.getName().equals("sleep")))
                        .because("waits come from platform.retry.RetryPolicy (its Sleeper) or the scheduler"));
    }

    /** Sends Lua itself, as nine stores once did. */
    static final class EvalsByHand {
        Object run(UnifiedJedis redis) {
            return redis.eval("return 1", List.of(), List.of());
        }
    }

    /** Caches a script's SHA itself, as the timeline store once did. */
    static final class EvalshaByHand {
        Object run(UnifiedJedis redis) {
            return redis.evalsha(redis.scriptLoad("return 1"), List.of(), List.of());
        }
    }

    /** Its own loop thread, as the X poll loop and the triage worker once had. */
    static final class OwnThread {
        void start() {
            new Thread(() -> { }, "mine").start();
        }
    }

    /** Its own executor, as the stats metrics once had. */
    static final class OwnExecutor {
        Object start() {
            return Executors.newSingleThreadScheduledExecutor();
        }
    }

    /** Its own pool by constructor. */
    static final class OwnPool {
        Object start() {
            return new ScheduledThreadPoolExecutor(1);
        }
    }

    /** A hand-made backoff sleep. */
    static final class OwnSleep {
        void backOff() throws InterruptedException {
            Thread.sleep(100);
        }
    }

    /** The planted class alone: the rule must fail on it (the product alone passes it, above). */
    private static JavaClasses planted(Class<?> offender) {
        return new ClassFileImporter().importClasses(offender);
    }

    @Test
    void theProductRunsLuaOnlyThroughRedisScript() {
        luaOnlyThroughRedisScript().check(ArchitectureTest.importMain(new ClassFileImporter()));
    }

    @Test
    void theProductMakesThreadsOnlyInThePlatform() {
        threadsOnlyFromThePlatform().check(ArchitectureTest.importMain(new ClassFileImporter()));
    }

    @Test
    void aPlantedEvalOrEvalshaFailsTheLuaRule() {
        for (Class<?> offender : List.of(EvalsByHand.class, EvalshaByHand.class)) {
            assertThatThrownBy(() -> luaOnlyThroughRedisScript().check(planted(offender)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining(offender.getSimpleName())
                    .hasMessageContaining("RedisScript");
        }
    }

    @Test
    void aPlantedThreadExecutorPoolOrSleepFailsTheThreadRule() {
        for (Class<?> offender : List.of(OwnThread.class, OwnExecutor.class, OwnPool.class, OwnSleep.class)) {
            Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
                    () -> threadsOnlyFromThePlatform().check(planted(offender)));
            org.assertj.core.api.Assertions.assertThat(thrown).as("the rule fails on %s", offender.getSimpleName())
                    .isInstanceOf(AssertionError.class).hasMessageContaining(offender.getSimpleName());
        }
    }
}
