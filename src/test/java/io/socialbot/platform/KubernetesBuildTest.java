package io.socialbot.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialbot.platform.redis.RedisProperties;
import io.socialbot.triage.TriageWorkerProperties;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationStyle;
import org.yaml.snakeyaml.Yaml;

/**
 * What {@code kubectl apply -k manifests/k8s} would send: built with {@code kubectl kustomize}, validated against the
 * Kubernetes OpenAPI schemas (npm {@code kubernetes-models}, run by node), and checked to work with the image
 * {@code spring-boot:build-image} makes: no shell, probe timeouts above the health checks' own, a grace period that
 * covers the drain delay, the web shutdown phase and the worker's stop. {@code .ci/run} installs kubectl and node.
 */
class KubernetesBuildTest {

    static final Path VALIDATOR = Path.of("src/test/k8s");
    static final Path WORK = Path.of("target/k8s-validate");
    static String built;
    static Map<String, Object> deployment;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void build() throws Exception {
        Run kustomize = run(List.of("kubectl", "kustomize", "manifests/k8s"), null, Path.of("."));
        assertThat(kustomize.exit()).as("kubectl kustomize: %s", kustomize.output()).isZero();
        built = kustomize.output();
        for (Object doc : new Yaml().loadAll(built)) {
            if (doc instanceof Map<?, ?> map && "Deployment".equals(map.get("kind"))) {
                deployment = (Map<String, Object>) map;
            }
        }
        assertThat(deployment).isNotNull();
    }

    @Test
    void everyBuiltDocumentMatchesTheKubernetesSchemas() throws Exception {
        Run validation = validate(built);
        assertThat(validation.exit()).as(validation.output()).isZero();
        assertThat(validation.output()).contains("4 valid, 0 invalid");
        // the validator itself refuses what the API server would: a probe period that is not a number
        Run broken = validate(built.replace("periodSeconds: 5", "periodSeconds: five"));
        assertThat(broken.exit()).isNotZero();
        assertThat(broken.output()).contains("INVALID Deployment/socialbot").contains("periodSeconds must be integer");
    }

    @Test
    void theDrainDelayNeedsNoShellAndTheGracePeriodCoversShutdown() throws Exception {
        Map<String, Object> container = KubernetesManifestsTest.at(deployment, "spec", "template", "spec", "containers", "0");
        Map<String, Object> preStop = KubernetesManifestsTest.at(container, "lifecycle", "preStop");
        assertThat(preStop).as("build-image's run image has no shell: no exec").containsOnlyKeys("sleep");
        int drain = KubernetesManifestsTest.at(preStop, "sleep", "seconds");
        assertThat(drain).isPositive();
        Duration webPhase;
        try (InputStream in = getClass().getResourceAsStream("/application.yml")) {
            Map<String, Object> config = new Yaml().load(in);
            webPhase = DurationStyle.detectAndParse(KubernetesManifestsTest.at(config, "spring", "lifecycle",
                    "timeout-per-shutdown-phase"));
        }
        Duration stopGrace = defaultOf(TriageWorkerProperties.class, "stopGrace");
        int grace = KubernetesManifestsTest.at(deployment, "spec", "template", "spec", "terminationGracePeriodSeconds");
        assertThat((long) grace).as("preStop %d s + web phase %s + worker stop %s", drain, webPhase, stopGrace)
                .isGreaterThan(drain + webPhase.toSeconds() + stopGrace.toSeconds());
    }

    @Test
    void probesWaitLongerThanTheHealthChecksAndReadinessLeavesRedisOut() throws Exception {
        Map<String, Object> container = KubernetesManifestsTest.at(deployment, "spec", "template", "spec", "containers", "0");
        Duration redisTimeout = defaultOf(RedisProperties.class, "timeout");
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            Integer timeout = KubernetesManifestsTest.at(container, probe, "timeoutSeconds");
            assertThat(timeout).as(probe + ".timeoutSeconds (Kubernetes' default is 1 s)").isNotNull();
            assertThat((long) timeout).as(probe).isGreaterThan(redisTimeout.toSeconds());
        }
        try (InputStream in = getClass().getResourceAsStream("/application.yml")) {
            Map<String, Object> config = new Yaml().load(in);
            String readiness = KubernetesManifestsTest.at(config, "management", "endpoint", "health", "group",
                    "readiness", "include");
            String store = KubernetesManifestsTest.at(config, "management", "endpoint", "health", "group", "store",
                    "include");
            assertThat(readiness).as("a pod whose Redis is down must stay in service to answer 503")
                    .doesNotContain("redis");
            assertThat(store).isEqualTo("redis");
        }
    }

    /** A property's {@code @DefaultValue}, so the manifests are checked against the code and not a copy of it. */
    static Duration defaultOf(Class<? extends Record> type, String component) throws NoSuchMethodException {
        var components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
        }
        var canonical = type.getDeclaredConstructor(types);
        for (int i = 0; i < components.length; i++) {
            if (components[i].getName().equals(component)) {
                return DurationStyle.detectAndParse(canonical.getParameters()[i].getAnnotation(DefaultValue.class)
                        .value()[0]);
            }
        }
        throw new IllegalArgumentException(component);
    }

    static Run validate(String yaml) throws Exception {
        Files.createDirectories(WORK);
        for (String file : List.of("package.json", "validate.mjs")) {
            Files.copy(VALIDATOR.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.isDirectory(WORK.resolve("node_modules/kubernetes-models"))) {
            Run install = run(List.of("npm", "install", "--no-audit", "--no-fund", "--no-package-lock"), null, WORK);
            assertThat(install.exit()).as("npm install: %s", install.output()).isZero();
        }
        return run(List.of("node", "validate.mjs"), yaml, WORK);
    }

    record Run(int exit, String output) {
    }

    static Run run(List<String> command, String input, Path dir) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException(command.get(0) + " is not installed: .ci/run installs it "
                    + "(Debian packages kubernetes-client, nodejs, npm)", e);
        }
        if (input != null) {
            p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Run(p.exitValue(), output);
    }
}
