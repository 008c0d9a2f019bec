package io.socialbot.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The Kubernetes manifests parse, probe the actuator health groups, and carry secret references, never values. */
class KubernetesManifestsTest {

    static final Path DIR = Path.of("manifests/k8s");

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> documents() throws IOException {
        List<Map<String, Object>> docs = new ArrayList<>();
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    for (Object doc : new Yaml().loadAll(in)) {
                        if (doc != null) {
                            docs.add((Map<String, Object>) doc);
                        }
                    }
                }
            }
        }
        return docs;
    }

    @SuppressWarnings("unchecked")
    static <T> T at(Object node, String... path) {
        Object current = node;
        for (String key : path) {
            current = current instanceof List<?> list ? list.get(Integer.parseInt(key)) : ((Map<String, Object>) current).get(key);
        }
        return (T) current;
    }

    @Test
    void deploymentRunsThreeReplicasWithProbesLimitsAndGracefulShutdown() throws IOException {
        Map<String, Object> deployment = documents().stream().filter(d -> "Deployment".equals(d.get("kind")))
                .findFirst().orElseThrow();
        assertThat((Integer) at(deployment, "spec", "replicas")).isEqualTo(3);
        Map<String, Object> container = at(deployment, "spec", "template", "spec", "containers", "0");
        assertThat((String) at(container, "readinessProbe", "httpGet", "path")).isEqualTo("/actuator/health/readiness");
        assertThat((String) at(container, "livenessProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
        assertThat((Object) at(container, "resources", "requests")).isNotNull();
        assertThat((Object) at(container, "resources", "limits")).isNotNull();
        assertThat((Integer) at(deployment, "spec", "template", "spec", "terminationGracePeriodSeconds")).isGreaterThan(20);
        List<Map<String, Object>> env = at(container, "env");
        for (Map<String, Object> variable : env) {
            String name = (String) variable.get("name");
            if (name.contains("TOKEN") || name.contains("SECRET") || name.equals("REDIS_URL")) {
                assertThat(variable).as(name + " comes from a Secret").doesNotContainKey("value");
                assertThat((Object) at(variable, "valueFrom", "secretKeyRef")).as(name).isNotNull();
            }
        }
    }

    @Test
    void noSecretValuesAndAPodDisruptionBudget() throws IOException {
        List<Map<String, Object>> docs = documents();
        assertThat(docs).extracting(d -> d.get("kind")).contains("Service", "ConfigMap", "PodDisruptionBudget")
                .doesNotContain("Secret");
    }
}
