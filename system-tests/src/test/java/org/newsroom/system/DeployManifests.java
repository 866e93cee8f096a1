package org.newsroom.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.yaml.snakeyaml.Yaml;

/** The files of deploy/ as parsed YAML, for the tests that check them. */
final class DeployManifests {

    static final Path ROOT = ProjectRoot.path();
    static final Path DEPLOY = ROOT.resolve("deploy");
    /** The kustomize base: one of everything. */
    static final Path BASE = DEPLOY.resolve("kubernetes/base");
    /** The overlay for a real cluster. */
    static final Path CLUSTER = DEPLOY.resolve("kubernetes/overlays/cluster");

    /** Reads manifests into the Kubernetes and Strimzi models, refusing a field the models do not know. */
    static final ObjectMapper MODELS_JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    /** ECK's kind: ECK publishes no Java model, so its resource stays a map, checked field by field. */
    static final String ELASTICSEARCH = "Elasticsearch";

    private DeployManifests() {
    }

    /** Every document of every file of the kustomize base, as written (what kustomize has not yet transformed). */
    static List<Map<String, Object>> kubernetes() throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (Stream<Path> files = Files.list(BASE)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                try (Reader reader = Files.newBufferedReader(file)) {
                    for (Object doc : new Yaml().loadAll(reader)) {
                        documents.add(map(doc));
                    }
                }
            }
        }
        return documents;
    }

    /**
     * What {@code kubectl apply -k folder} would send: the kustomization rendered by kustomize, or by kubectl's
     * built-in copy of it. Neither is in Debian's packages, npm or Maven Central; kubectl comes with this kind of
     * machine. Without either the calling test is skipped, saying so: a home-made renderer would check itself.
     */
    static List<Map<String, Object>> rendered(Path kustomization) throws IOException, InterruptedException {
        List<String> command = onPath("kustomize") ? List.of("kustomize", "build", kustomization.toString())
                : List.of("kubectl", "kustomize", kustomization.toString());
        requireTool(onPath("kustomize") || onPath("kubectl"),
                "neither kustomize nor kubectl is installed: the kustomizations are not rendered");
        Run render = run(new ProcessBuilder(command), new byte[0]);
        assertThat(render.exit()).as(String.join(" ", command) + " failed:\n" + render.output()).isZero();
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object doc : new Yaml().loadAll(new StringReader(render.output()))) {
            documents.add(map(doc));
        }
        return documents;
    }

    /** Skips the calling test without the tool, saying why on the console as well (Surefire's summary only counts). */
    static void requireTool(boolean present, String reason) {
        if (!present) {
            System.err.println("SKIPPED: " + reason);
            Assumptions.abort(reason);
        }
    }

    record Run(int exit, String output) {
    }

    /** Runs a tool to its end (a minute at most) with {@code input} on its standard input; output and errors together. */
    static Run run(ProcessBuilder builder, byte[] input) throws IOException, InterruptedException {
        Process process = builder.redirectErrorStream(true).start();
        try (var stdin = process.getOutputStream()) {
            stdin.write(input);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(String.join(" ", builder.command())).isTrue();
        return new Run(process.exitValue(), output);
    }

    static boolean onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, program)));
    }

    static List<Map<String, Object>> ofKind(List<Map<String, Object>> documents, String kind) {
        return documents.stream().filter(doc -> kind.equals(doc.get("kind"))).toList();
    }

    static String name(Map<String, Object> resource) {
        return (String) map(resource.get("metadata")).get("name");
    }

    /** The services' Deployments and StatefulSets. */
    static List<Map<String, Object>> workloads() throws IOException {
        return kubernetes().stream().filter(doc -> List.of("Deployment", "StatefulSet").contains(doc.get("kind"))).toList();
    }

    /** A workload's (only) container. */
    static Map<String, Object> container(Map<String, Object> workload) {
        return map(list(map(map(map(workload.get("spec")).get("template")).get("spec")).get("containers")).getFirst());
    }

    static Map<String, Object> single(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return new Yaml().load(reader);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<Object>) value;
    }

    /** A kustomization's resources that the checks look at (rendered, or the base as written), typed. */
    record Cluster(Map<String, Workload> workloads, List<PodDisruptionBudget> budgets, Kafka kafka,
                   List<KafkaNodePool> pools, List<KafkaTopic> topics, ConfigMap config, Map<String, Object> elasticsearch) {

        static Cluster of(List<Map<String, Object>> documents) {
            Map<String, Workload> workloads = new LinkedHashMap<>();
            for (Map<String, Object> doc : ofKind(documents, "Deployment")) {
                Deployment deployment = MODELS_JSON.convertValue(doc, Deployment.class);
                workloads.put(name(doc), new Workload(deployment.getSpec().getReplicas(), deployment.getSpec().getTemplate(), List.of()));
            }
            for (Map<String, Object> doc : ofKind(documents, "StatefulSet")) {
                StatefulSet set = MODELS_JSON.convertValue(doc, StatefulSet.class);
                workloads.put(name(doc), new Workload(set.getSpec().getReplicas(), set.getSpec().getTemplate(),
                        set.getSpec().getVolumeClaimTemplates().stream().map(claim -> claim.getMetadata().getName()).toList()));
            }
            return new Cluster(workloads, typed(documents, "PodDisruptionBudget", PodDisruptionBudget.class),
                    typed(documents, "Kafka", Kafka.class).getFirst(), typed(documents, "KafkaNodePool", KafkaNodePool.class),
                    typed(documents, "KafkaTopic", KafkaTopic.class), typed(documents, "ConfigMap", ConfigMap.class).getFirst(),
                    ofKind(documents, ELASTICSEARCH).getFirst());
        }

        /**
         * What each process is given (requests and limits): the workloads' first containers, the Kafka node pool's
         * and the Elasticsearch node set's, by the name the benchmark and compose give the process.
         */
        Map<String, ResourceRequirements> resources() {
            Map<String, ResourceRequirements> resources = new LinkedHashMap<>();
            workloads.forEach((name, workload) ->
                    resources.put(name, workload.template().getSpec().getContainers().getFirst().getResources()));
            resources.put("kafka", pools.getFirst().getSpec().getResources());
            Map<String, Object> node = map(list(map(map(map(list(map(elasticsearch.get("spec")).get("nodeSets")).getFirst())
                    .get("podTemplate")).get("spec")).get("containers")).getFirst());
            resources.put("elasticsearch", MODELS_JSON.convertValue(node.get("resources"), ResourceRequirements.class));
            return resources;
        }

        private static <T> List<T> typed(List<Map<String, Object>> documents, String kind, Class<T> type) {
            return ofKind(documents, kind).stream().map(doc -> MODELS_JSON.convertValue(doc, type)).toList();
        }
    }

    record Workload(int replicas, PodTemplateSpec template, List<String> claimTemplates) {
    }
}
