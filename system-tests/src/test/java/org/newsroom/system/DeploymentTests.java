package org.newsroom.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsroom.system.DeployManifests.BASE;
import static org.newsroom.system.DeployManifests.DEPLOY;
import static org.newsroom.system.DeployManifests.ROOT;
import static org.newsroom.system.DeployManifests.container;
import static org.newsroom.system.DeployManifests.kubernetes;
import static org.newsroom.system.DeployManifests.list;
import static org.newsroom.system.DeployManifests.map;
import static org.newsroom.system.DeployManifests.single;
import static org.newsroom.system.DeployManifests.workloads;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.strimzi.api.kafka.model.common.JvmOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.newsroom.contracts.Topics;
import org.newsroom.system.DeployManifests.Cluster;

/**
 * Nothing here can start containers, so deploy/ is checked statically: the files parse, every service gets
 * the addresses it needs, ports and probes match what the services serve, and topic names match the code.
 */
class DeploymentTests {

    private static final Map<String, Integer> PORTS = Map.of("query-service", 8080, "ingest-service", 8081, "enrich-service", 8082);

    @Test
    void composeGivesEveryServiceItsEnginesPortAndHealthCheck() throws IOException {
        Map<String, Object> services = map(single(DEPLOY.resolve("compose.yaml")).get("services"));

        assertThat(services).containsKeys("kafka", "elasticsearch", "ingest-service", "enrich-service", "query-service");
        PORTS.forEach((service, port) -> {
            Map<String, Object> definition = map(services.get(service));
            Map<String, Object> env = map(definition.get("environment"));
            assertThat(env).as(service).containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092");
            assertThat(String.valueOf(env.get("SERVER_PORT"))).as(service).isEqualTo(String.valueOf(port));
            assertThat(definition).as(service).containsKey("healthcheck");
            assertThat(defaultPort(service)).as(service + " application.yaml").isEqualTo(port);
        });
        assertThat(map(map(services.get("query-service")).get("environment")))
                .containsEntry("ELASTICSEARCH_URL", "http://elasticsearch:9200");
        assertThat(String.valueOf(map(map(services.get("kafka")).get("environment")).get("KAFKA_ADVERTISED_LISTENERS")))
                .isEqualTo("PLAINTEXT://kafka:9092");
    }

    /** Compose runs each container with the memory Kubernetes gives it, and enrich with the same heap options. */
    @Test
    void composeLimitsEachContainersMemoryAsKubernetesDoes() throws IOException {
        Map<String, Object> services = map(single(DEPLOY.resolve("compose.yaml")).get("services"));
        Cluster kubernetes = Cluster.of(kubernetes());
        Map<String, ResourceRequirements> resources = kubernetes.resources();

        assertThat(resources.keySet()).containsExactlyInAnyOrderElementsOf(services.keySet().stream()
                .filter(s -> !List.of("prometheus", "grafana").contains(s)).toList());
        resources.forEach((service, given) -> {
            Quantity limit = given.getLimits().get("memory");
            assertThat(composeBytes(String.valueOf(map(services.get(service)).get("mem_limit"))))
                    .as(service + ": compose's mem_limit against Kubernetes' " + limit)
                    .isEqualTo(Quantity.getAmountInBytes(limit).longValueExact());
        });
        JvmOptions brokerJvm = kubernetes.pools().getFirst().getSpec().getJvmOptions();
        assertThat(map(map(services.get("kafka")).get("environment")).get("KAFKA_HEAP_OPTS"))
                .as("compose's broker heap against the node pool's jvmOptions")
                .isEqualTo("-Xms" + brokerJvm.getXms() + " -Xmx" + brokerJvm.getXmx());
        String enrichOptions = kubernetes.workloads().get("enrich-service").template().getSpec().getContainers()
                .getFirst().getEnv().stream().filter(env -> env.getName().equals("JDK_JAVA_OPTIONS"))
                .findFirst().orElseThrow().getValue();
        assertThat(map(map(services.get("enrich-service")).get("environment")).get("JDK_JAVA_OPTIONS"))
                .as("enrich's heap options in compose and Kubernetes").isEqualTo(enrichOptions);
    }

    /** Compose's {@code 1536m} or {@code 2g} (binary units, as Docker reads them), in bytes. */
    private static long composeBytes(String limit) {
        Matcher m = Pattern.compile("(\\d+)([mg])").matcher(limit);
        assertThat(m.matches()).as("a compose memory limit: " + limit).isTrue();
        return Long.parseLong(m.group(1)) << (m.group(2).equals("g") ? 30 : 20);
    }

    @Test
    void deployHoldsNoDefaultSecretAndKeepsElasticsearchSecurityOn() throws IOException {
        String compose = Files.readString(DEPLOY.resolve("compose.yaml"));
        Map<String, Object> services = map(single(DEPLOY.resolve("compose.yaml")).get("services"));

        for (String service : PORTS.keySet()) {
            assertThat(String.valueOf(map(map(services.get(service)).get("environment")).get("NEWSROOM_API_KEY")))
                    .as(service + " takes its key from the environment and refuses to start without one")
                    .startsWith("${NEWSROOM_API_KEY:?");
        }
        Map<String, Object> elasticsearch = map(map(services.get("elasticsearch")).get("environment"));
        assertThat(String.valueOf(elasticsearch.get("xpack.security.enabled"))).isEqualTo("true");
        assertThat(String.valueOf(elasticsearch.get("ELASTIC_PASSWORD"))).startsWith("${ELASTIC_PASSWORD:?");
        assertThat(list(map(services.get("elasticsearch")).get("ports"))).allSatisfy(port ->
                assertThat(String.valueOf(port)).as("Elasticsearch is published on loopback only").startsWith("127.0.0.1:"));
        assertThat(compose).doesNotContainIgnoringCase("change-me").doesNotContain(":-secret");
        assertThat(kubernetes()).noneSatisfy(doc -> assertThat(doc.get("kind")).isEqualTo("Secret"));
        assertThat(Files.readString(BASE.resolve("elasticsearch.yaml"))).doesNotContain("xpack.security.enabled: false");
    }

    @Test
    void kubernetesWorkloadsProbeTheActuatorOnTheirOwnPort() throws IOException {
        List<Map<String, Object>> workloads = kubernetes().stream()
                .filter(doc -> List.of("Deployment", "StatefulSet").contains(doc.get("kind")))
                .toList();

        assertThat(workloads).extracting(doc -> map(doc.get("metadata")).get("name"))
                .containsExactlyInAnyOrderElementsOf(PORTS.keySet());
        for (Map<String, Object> workload : workloads) {
            String name = (String) map(workload.get("metadata")).get("name");
            Map<String, Object> container = map(list(map(map(map(workload.get("spec")).get("template")).get("spec"))
                    .get("containers")).getFirst());
            assertThat(map(list(container.get("ports")).getFirst()).get("containerPort")).as(name).isEqualTo(PORTS.get(name));
            assertThat(map(map(container.get("readinessProbe")).get("httpGet")).get("path")).isEqualTo("/actuator/health/readiness");
            assertThat(map(map(container.get("livenessProbe")).get("httpGet")).get("path")).isEqualTo("/actuator/health/liveness");
            assertThat(list(container.get("envFrom")).toString()).as(name).contains("newsroom-config");
        }
    }

    @Test
    void everyServiceContainerRunsUnprivilegedOnAReadOnlyRootWithEveryWrittenPathOnAVolume() throws IOException {
        String dockerfile = Files.readString(DEPLOY.resolve("service.Dockerfile"));
        assertThat(dockerfile).as("the image's user").containsPattern("(?m)^USER 10001:10001$");
        Map<String, String> imageEnv = new HashMap<>();
        Matcher variable = Pattern.compile("(?m)^\\s*(?:ENV )?([A-Z_]+)=(/[^ \\n]*)").matcher(dockerfile);
        while (variable.find()) {
            imageEnv.put(variable.group(1), variable.group(2));
        }
        assertThat(imageEnv).containsKeys("ENRICH_STATE_DIR", "ENRICH_TAGGING_RULES_FILE", "INGEST_INBOX", "INGEST_FEEDS_STATE_DIR");

        for (Map<String, Object> workload : workloads()) {
            String name = (String) map(workload.get("metadata")).get("name");
            Map<String, Object> container = container(workload);
            Map<String, Object> security = map(container.get("securityContext"));
            assertThat(security).as(name).containsEntry("runAsNonRoot", true).containsEntry("readOnlyRootFilesystem", true)
                    .containsEntry("allowPrivilegeEscalation", false);
            List<String> mounts = list(container.get("volumeMounts")).stream()
                    .map(mount -> (String) map(mount).get("mountPath")).toList();
            assertThat(mounts).as(name + " scratch space").contains("/tmp");
            Map<String, String> paths = new HashMap<>(imageEnv);
            for (Object env : list(container.get("env"))) {
                Object value = map(env).get("value");
                if (value instanceof String path && path.startsWith("/")) {
                    paths.put((String) map(env).get("name"), path);
                }
            }
            paths.entrySet().stream().filter(entry -> entry.getKey().startsWith(name.split("-")[0].toUpperCase() + "_"))
                    .forEach(entry -> assertThat(mounts).as(name + ": " + entry + " is on a mounted volume")
                            .anySatisfy(mount -> assertThat(entry.getValue()).startsWith(mount + "/")));
            Map<String, Object> requests = map(map(container.get("resources")).get("requests"));
            assertThat(requests).as(name + " resource requests").containsKeys("cpu", "memory");
        }
    }

    @Test
    void nothingIsDownloadedFromAPlaceholderAddressAndElasticsearchRunsTheImageWithThePlugin() throws IOException {
        try (Stream<Path> files = Files.walk(DEPLOY)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".json")).toList()) {
                assertThat(Files.readString(file)).as(file.toString()).doesNotContain("example.org").doesNotContain("example.com");
            }
        }
        Map<String, Object> elasticsearch = kubernetes().stream()
                .filter(doc -> "Elasticsearch".equals(doc.get("kind"))).findFirst().orElseThrow();
        assertThat(String.valueOf(map(elasticsearch.get("spec")).get("image"))).contains("news-english");
        assertThat(Files.readString(BASE.resolve("elasticsearch.yaml"))).doesNotContain("initContainers");
        assertThat(Files.readString(DEPLOY.resolve("elasticsearch/Dockerfile")))
                .contains("COPY es-analysis-plugin/target/es-analysis-plugin-").contains("elasticsearch-plugin install --batch file://");
    }

    @Test
    void probesGroupTheComponentsWhoseDeathNeedsARestart() throws IOException {
        Map<String, Object> enrich = map(map(map(map(map(single(ROOT.resolve("enrich-service/src/main/resources/application.yaml"))
                .get("management")).get("endpoint")).get("health")).get("group")));
        assertThat(String.valueOf(map(enrich.get("liveness")).get("include"))).contains("kafkaStreams");
        assertThat(String.valueOf(map(enrich.get("readiness")).get("include"))).contains("kafkaStreams");
        for (String service : PORTS.keySet()) {
            Map<String, Object> health = map(map(map(single(ROOT.resolve(service).resolve("src/main/resources/application.yaml"))
                    .get("management")).get("endpoint")).get("health"));
            assertThat(map(health.get("probes"))).as(service).containsEntry("enabled", true);
        }
    }

    @Test
    void configMapProvidesTheEngineAddresses() throws IOException {
        Map<String, Object> config = kubernetes().stream()
                .filter(doc -> "ConfigMap".equals(doc.get("kind"))).findFirst().orElseThrow();

        assertThat(map(config.get("data"))).containsKeys("KAFKA_BOOTSTRAP_SERVERS", "ELASTICSEARCH_URL");
    }

    @Test
    void kafkaTopicsAreTheTopicsTheCodeUses() throws IOException {
        List<Map<String, Object>> topics = kubernetes().stream().filter(doc -> "KafkaTopic".equals(doc.get("kind"))).toList();

        assertThat(topics).extracting(doc -> map(doc.get("spec")).get("topicName")).containsExactlyInAnyOrder(
                Topics.ARTICLES_RAW, Topics.ARTICLES_RAW_DLT, Topics.ARTICLES_ENRICHED, Topics.ARTICLES_ENRICHED_DLT,
                Topics.ALERTS_MATCHED);
    }

    @Test
    void kustomizationListsEveryManifest() throws IOException {
        List<Object> resources = list(single(BASE.resolve("kustomization.yaml")).get("resources"));
        try (Stream<Path> files = Files.list(BASE)) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(n -> !n.equals("kustomization.yaml")))
                    .containsExactlyInAnyOrderElementsOf(resources.stream().map(String::valueOf).toList());
        }
    }

    @Test
    void dockerComposeAcceptsTheComposeFileAndRefusesToStartWithoutItsSecrets() throws Exception {
        DeployManifests.requireTool(DeployManifests.onPath("docker-compose"),
                "docker-compose is not installed (.ci/run installs Debian's): compose.yaml is not validated");

        Map<String, String> secrets = Map.of("NEWSROOM_API_KEY", "k".repeat(32), "ELASTIC_PASSWORD", "p".repeat(32),
                "GRAFANA_ADMIN_PASSWORD", "g".repeat(32));
        DeployManifests.Run valid = compose(secrets);
        assertThat(valid.exit()).as("docker-compose config:\n" + valid.output()).isZero();

        for (String secret : secrets.keySet()) {
            Map<String, String> without = new HashMap<>(secrets);
            without.remove(secret);
            DeployManifests.Run refused = compose(without);
            assertThat(refused.exit()).as("without " + secret).isNotZero();
            assertThat(refused.output()).as("without " + secret).contains("set " + secret);
        }
    }

    /** {@code docker-compose config -q} on compose.yaml with exactly {@code secrets} set. */
    private static DeployManifests.Run compose(Map<String, String> secrets) throws Exception {
        // An empty project directory: compose reads .env from there, so a developer's deploy/.env does not count.
        Path project = Files.createTempDirectory("compose-project");
        project.toFile().deleteOnExit();
        ProcessBuilder builder = new ProcessBuilder("docker-compose", "--project-directory", project.toString(),
                "-f", DEPLOY.resolve("compose.yaml").toString(), "config", "-q");
        builder.environment().keySet().removeIf(name -> name.endsWith("_KEY") || name.endsWith("_PASSWORD"));
        builder.environment().putAll(secrets);
        return DeployManifests.run(builder, new byte[0]);
    }

    @Test
    void composePassesTheLogFormatToEveryServiceAndOffersPrometheusAndGrafana() throws IOException {
        Map<String, Object> services = map(single(DEPLOY.resolve("compose.yaml")).get("services"));

        PORTS.keySet().forEach(service -> assertThat(map(map(services.get(service)).get("environment")))
                .as(service).containsKey("LOG_FORMAT"));
        assertThat(services).containsKeys("prometheus", "grafana");
    }

    @Test
    void prometheusScrapesEveryServiceOnItsActuatorEndpoint() throws IOException {
        List<Object> jobs = list(single(DEPLOY.resolve("prometheus/prometheus.yml")).get("scrape_configs"));

        Map<String, String> scraped = new HashMap<>();
        for (Object job : jobs) {
            assertThat(map(job).get("metrics_path")).isEqualTo("/actuator/prometheus");
            scraped.put((String) map(job).get("job_name"),
                    (String) list(map(list(map(job).get("static_configs")).getFirst()).get("targets")).getFirst());
        }
        PORTS.forEach((service, port) -> assertThat(scraped).containsEntry(service, service + ":" + port));
    }

    @Test
    void theDashboardDrawsEachAreaFromMetricsTheCodeRegisters() throws IOException {
        GrafanaDashboard dashboard = GrafanaDashboard.read(GrafanaDashboard.FILE);

        assertThat(dashboard.panels()).extracting(panel -> panel.path("title").asString()).contains(
                "Throughput per stage", "Consumer lag", "Dedup outcomes", "Tags by scheme", "Bulk latency", "Errors");
        List<String> meterNames = meterNamesInCode();
        assertThat(dashboard.metricNames()).isNotEmpty().allSatisfy(name -> {
            if (!name.startsWith("kafka_") && !name.startsWith("http_server_requests_")) {
                assertThat(meterNames).as("a meter the services register, for " + name).contains(meterOf(name));
            }
        });
    }

    /** Prometheus' name for a Micrometer meter: dots become underscores, plus a unit or type suffix. */
    private static String meterOf(String prometheusName) {
        return prometheusName.replaceFirst("(_seconds)?(_total|_bucket|_count|_sum|_max)?$", "").replace('_', '.');
    }

    /** The string constants that name meters in the services' main code ({@code "query.bulk"}, ...). */
    private static List<String> meterNamesInCode() throws IOException {
        List<String> names = new ArrayList<>();
        Pattern constant = Pattern.compile("static final String \\w+ = \"([a-z]+(\\.[a-z]+)+)\"");
        for (String service : PORTS.keySet()) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(service).resolve("src/main/java"))) {
                for (Path file : files.filter(f -> f.toString().endsWith("Metrics.java")).toList()) {
                    constant.matcher(Files.readString(file)).results().forEach(m -> names.add(m.group(1)));
                }
            }
        }
        return names;
    }

    private static int defaultPort(String service) {
        try {
            Map<String, Object> yaml = single(ROOT.resolve(service).resolve("src/main/resources/application.yaml"));
            return (Integer) map(yaml.get("server")).get("port");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
