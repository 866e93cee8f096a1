package org.newsroom.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsroom.system.DeployManifests.BASE;
import static org.newsroom.system.DeployManifests.CLUSTER;
import static org.newsroom.system.DeployManifests.ELASTICSEARCH;
import static org.newsroom.system.DeployManifests.MODELS_JSON;
import static org.newsroom.system.DeployManifests.ROOT;
import static org.newsroom.system.DeployManifests.list;
import static org.newsroom.system.DeployManifests.map;
import static org.newsroom.system.DeployManifests.name;
import static org.newsroom.system.DeployManifests.ofKind;
import static org.newsroom.system.DeployManifests.rendered;
import static org.newsroom.system.DeployManifests.single;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.newsroom.system.DeployManifests.Cluster;
import org.newsroom.system.DeployManifests.Workload;

/**
 * deploy/kubernetes as the API server would get it: the base and the cluster overlay rendered by kustomize, every
 * resource read into the typed model of its kind (fabric8's for Kubernetes' own, Strimzi's API jar for Kafka), then
 * checked for what a real cluster needs. Skipped, with the reason, where no kustomize can render them.
 */
class KubernetesOverlayTests {

    private static final Map<String, Class<? extends HasMetadata>> MODELS = Map.of(
            "Namespace", Namespace.class, "ConfigMap", ConfigMap.class, "Service", Service.class,
            "PersistentVolumeClaim", PersistentVolumeClaim.class, "Deployment", Deployment.class,
            "StatefulSet", StatefulSet.class, "PodDisruptionBudget", PodDisruptionBudget.class,
            "Kafka", Kafka.class, "KafkaNodePool", KafkaNodePool.class, "KafkaTopic", KafkaTopic.class);
    private static final long MB = 1_000_000;

    @Test
    void baseAndClusterOverlayRenderIntoTypedResourcesWithoutAnUnknownField() throws Exception {
        for (Path kustomization : List.of(BASE, CLUSTER)) {
            List<Map<String, Object>> documents = rendered(kustomization);
            assertThat(documents).extracting(doc -> doc.get("kind")).as(kustomization.toString())
                    .contains("Deployment", "StatefulSet", "Kafka", "KafkaNodePool", "KafkaTopic", ELASTICSEARCH);
            for (Map<String, Object> document : documents) {
                String what = kustomization.getFileName() + ": " + document.get("kind") + " " + name(document);
                if (ELASTICSEARCH.equals(document.get("kind"))) {
                    assertThat(document.get("apiVersion")).as(what).isEqualTo("elasticsearch.k8s.elastic.co/v1");
                    // ECK runs the node non-root on a read-only root only when its data is on this volume.
                    assertThat(list(map(document.get("spec")).get("nodeSets"))).as(what).allSatisfy(set ->
                            assertThat(list(map(set).get("volumeClaimTemplates"))).extracting(claim -> name(map(claim)))
                                    .contains("elasticsearch-data"));
                    continue;
                }
                assertThat(MODELS).as(what + ": a kind with a typed model").containsKey((String) document.get("kind"));
                Class<? extends HasMetadata> type = MODELS.get((String) document.get("kind"));
                HasMetadata resource = MODELS_JSON.convertValue(document, type);
                assertThat(document.get("apiVersion")).as(what).isEqualTo(HasMetadata.getApiVersion(type));
                assertThat(unknownFields(resource, "")).as(what + ": fields its model does not have").isEmpty();
                assertThat(resource.getMetadata().getNamespace()).as(what).isEqualTo(type == Namespace.class ? null : "newsroom");
            }
        }
    }

    @Test
    void everyKubernetesResourceMatchesTheApisSchemaWithItsRequiredFieldsAndFormats() throws Exception {
        Path validator = ROOT.resolve("system-tests/kubernetes-schema");
        boolean installed = Files.isDirectory(validator.resolve("node_modules/kubernetes-models"));
        DeployManifests.requireTool(DeployManifests.onPath("node") && installed, "node or the kubernetes-models package is missing (npm ci in " + validator + ", as .ci/run does): "
                        + "the manifests are not checked against the Kubernetes API's schemas");
        // A Deployment without its selector and a container without a name: the schema must refuse it.
        Map<String, Object> broken = Map.of("apiVersion", "apps/v1", "kind", "Deployment", "metadata", Map.of("name", "broken"),
                "spec", Map.of("template", Map.of("spec", Map.of("containers", List.of(Map.of("image", "i"))))));

        for (Path kustomization : List.of(BASE, CLUSTER)) {
            List<Map<String, Object>> documents = new ArrayList<>(rendered(kustomization));
            documents.add(broken);
            DeployManifests.Run check = DeployManifests.run(new ProcessBuilder("node", validator.resolve("validate.mjs").toString())
                    .directory(validator.toFile()), MODELS_JSON.writeValueAsBytes(documents));
            assertThat(check.exit()).as(check.output()).isZero();
            List<String> lines = check.output().lines().toList();

            assertThat(lines).as(kustomization + ": the schema check of a broken Deployment").last().asString()
                    .startsWith("INVALID Deployment broken:").contains("selector").contains("name");
            List<String> checked = lines.subList(0, lines.size() - 1);
            assertThat(checked).as(kustomization + ": one verdict per resource").hasSize(documents.size() - 1);
            assertThat(checked).as(kustomization.toString()).allSatisfy(line -> assertThat(line).matches(
                    "OK .*|NO-SCHEMA (Kafka|KafkaNodePool|KafkaTopic|Elasticsearch) .*"));
            assertThat(checked).as(kustomization + ": the services' resources have a schema")
                    .contains("OK Deployment query-service", "OK StatefulSet enrich-service", "OK Deployment ingest-service");
        }
    }

    @Test
    void theUnknownFieldCheckFindsAMisspeltField() {
        Map<String, Object> pod = Map.of("spec", Map.of("containers", List.of(Map.of("name", "c",
                "securityContext", Map.of("readOnlyRootFileSystem", true)))));
        Deployment misspelt = MODELS_JSON.convertValue(Map.of("apiVersion", "apps/v1", "kind", "Deployment",
                "metadata", Map.of("name", "d"), "spec", Map.of("template", pod)), Deployment.class);

        assertThat(unknownFields(misspelt, "")).containsExactly(".spec.template.spec.containers[0].securityContext.readOnlyRootFileSystem");
    }

    @Test
    void everyServiceRunsNonRootOnAReadOnlyRootWithEveryWrittenPathOnAVolume() throws Exception {
        Cluster cluster = Cluster.of(rendered(CLUSTER));

        assertThat(cluster.workloads()).hasSize(3);
        cluster.workloads().forEach((name, workload) -> {
            Container container = workload.template().getSpec().getContainers().getFirst();
            var security = container.getSecurityContext();
            assertThat(security.getRunAsNonRoot()).as(name).isTrue();
            assertThat(security.getRunAsUser()).as(name).isNotNull().isNotZero();
            assertThat(security.getReadOnlyRootFilesystem()).as(name).isTrue();
            assertThat(security.getAllowPrivilegeEscalation()).as(name).isFalse();
            assertThat(security.getCapabilities().getDrop()).as(name).containsExactly("ALL");
            List<String> volumes = new ArrayList<>(workload.template().getSpec().getVolumes().stream().map(v -> v.getName()).toList());
            volumes.addAll(workload.claimTemplates());
            List<String> mounts = container.getVolumeMounts().stream().map(mount -> {
                assertThat(volumes).as(name + ": the volume of " + mount.getMountPath()).contains(mount.getName());
                return mount.getMountPath();
            }).toList();
            assertThat(mounts).as(name + ": scratch space").contains("/tmp");
            for (EnvVar env : container.getEnv()) {
                if (env.getValue() != null && env.getValue().startsWith("/")) {
                    assertThat(mounts).as(name + ": " + env.getName() + "=" + env.getValue() + " lies on a volume")
                            .anySatisfy(mount -> assertThat(env.getValue()).startsWith(mount + "/"));
                }
            }
        });
    }

    @Test
    void everyReplicatedServiceHasADisruptionBudgetThatStillLetsADrainProceed() throws Exception {
        Cluster cluster = Cluster.of(rendered(CLUSTER));

        assertThat(cluster.workloads().values()).extracting(Workload::replicas).as("replicas: ingest, enrich, query")
                .allSatisfy(replicas -> assertThat(replicas).isGreaterThan(1));
        cluster.workloads().forEach((name, workload) -> {
            Map<String, String> labels = workload.template().getMetadata().getLabels();
            List<PodDisruptionBudget> budgets = cluster.budgets().stream()
                    .filter(budget -> labels.entrySet().containsAll(budget.getSpec().getSelector().getMatchLabels().entrySet()))
                    .toList();
            assertThat(budgets).as("the disruption budgets of " + name).hasSize(1);
            var spec = budgets.getFirst().getSpec();
            int mayGo = spec.getMaxUnavailable() != null ? spec.getMaxUnavailable().getIntVal()
                    : workload.replicas() - spec.getMinAvailable().getIntVal();
            assertThat(mayGo).as(name + ": pods a drain may take at once, of " + workload.replicas())
                    .isBetween(1, workload.replicas() - 1);
        });
        // With one replica a budget would block every node drain: the base (one of everything) has none.
        assertThat(ofKind(rendered(BASE), "PodDisruptionBudget")).isEmpty();
    }

    @Test
    void requestsCoverTheMemoryAndCpuTheBenchmarkMeasuredAndTheManifestsCiteIt() throws Exception {
        Map<String, long[]> measured = benchmarkFigures();
        Cluster cluster = Cluster.of(rendered(CLUSTER));
        Map<String, ResourceRequirements> resources = cluster.resources();

        assertThat(resources.keySet()).containsExactlyInAnyOrderElementsOf(measured.keySet());
        resources.forEach((process, given) -> {
            long rssMax = measured.get(process)[0];
            long cpuPercent = measured.get(process)[1];
            long request = bytes(given.getRequests().get("memory"));
            assertThat(request).as(process + ": memory request against the measured RSS max of " + rssMax / MB + " MB")
                    .isGreaterThanOrEqualTo(rssMax);
            assertThat(bytes(given.getLimits().get("memory"))).as(process + ": memory limit").isGreaterThanOrEqualTo(request);
            assertThat(Quantity.getAmountInBytes(given.getRequests().get("cpu")).multiply(BigDecimal.valueOf(100)))
                    .as(process + ": CPU request against the measured mean of " + cpuPercent + "% of a core under load")
                    .isGreaterThanOrEqualTo(BigDecimal.valueOf(cpuPercent));
            assertThat(citedRssMax(process)).as(process + ": the figure its manifest cites").isEqualTo(rssMax / MB);
        });
    }

    /**
     * Enrich's heap fills by design (the dedup window lives in it), so the limit must hold a full heap and what the
     * JVM and RocksDB need beside it: ~300 MB plus a tenth of the heap (G1's own structures grow with the heap),
     * measured with native memory tracking (docs/benchmarks.md, 4 December 2026). A heap at the image's 75% of a
     * 1 GiB limit did not fit: the kernel would kill the pod before the JVM saw a full heap.
     */
    @Test
    void enrichsFullHeapAndTheMemoryBesideItFitItsLimit() throws Exception {
        Cluster cluster = Cluster.of(rendered(CLUSTER));
        Container enrich = cluster.workloads().get("enrich-service").template().getSpec().getContainers().getFirst();
        String launcherOptions = enrich.getEnv().stream().filter(env -> env.getName().equals("JDK_JAVA_OPTIONS"))
                .map(EnvVar::getValue).findFirst().orElse("");
        Matcher percent = Pattern.compile("-XX:MaxRAMPercentage=(\\d+)").matcher(launcherOptions);
        Matcher image = Pattern.compile("-XX:MaxRAMPercentage=(\\d+)").matcher(Files.readString(ROOT.resolve("deploy/service.Dockerfile")));
        assertThat(image.find()).as("the image sets a heap share").isTrue();
        String maxPercent = percent.find() ? percent.group(1) : image.group(1);
        double share = Integer.parseInt(maxPercent) / 100.0;
        long limit = bytes(enrich.getResources().getLimits().get("memory"));
        long heap = (long) (limit * share);
        assertThat(limit - heap).as("enrich: room beside a full heap of " + heap / MB + " MB")
                .isGreaterThanOrEqualTo(300 * MB + heap / 10);
        assertThat(bytes(enrich.getResources().getRequests().get("memory"))).as("enrich: request = limit").isEqualTo(limit);
        Matcher initial = Pattern.compile("-XX:InitialRAMPercentage=(\\d+)").matcher(launcherOptions);
        assertThat(initial.find() ? initial.group(1) : "the JVM's default").as("enrich starts with its whole heap, as"
                + " the bench measured it (ServiceProcess.initialHeap)").isEqualTo(maxPercent);
    }

    @Test
    void theClusterReplicatesEveryTopicThreeTimesWithTwoInSyncAndTheArticleIndexOnce() throws Exception {
        Cluster cluster = Cluster.of(rendered(CLUSTER));

        int brokers = cluster.pools().stream().filter(pool -> pool.getSpec().getRoles().toString().toUpperCase().contains("BROKER"))
                .mapToInt(pool -> pool.getSpec().getReplicas()).sum();
        assertThat(brokers).isEqualTo(3);
        Map<String, Object> config = cluster.kafka().getSpec().getKafka().getConfig();
        assertThat(config).as("broker defaults, also for the topics the services and Kafka Streams create")
                .containsEntry("default.replication.factor", 3).containsEntry("min.insync.replicas", 2)
                .containsEntry("offsets.topic.replication.factor", 3)
                .containsEntry("transaction.state.log.replication.factor", 3).containsEntry("transaction.state.log.min.isr", 2);
        assertThat(cluster.topics()).isNotEmpty().allSatisfy(topic -> {
            assertThat(topic.getSpec().getReplicas()).as(topic.getSpec().getTopicName()).isEqualTo(3);
            assertThat(topic.getSpec().getConfig()).as(topic.getSpec().getTopicName()).containsEntry("min.insync.replicas", "2");
        });
        assertThat(cluster.config().getData()).containsEntry("KAFKA_REPLICATION_FACTOR", "3");
        int rawPartitions = cluster.topics().stream().filter(topic -> "articles.raw.v1".equals(topic.getSpec().getTopicName()))
                .findFirst().orElseThrow().getSpec().getPartitions();
        assertThat(cluster.workloads().get("enrich-service").replicas()).as("enrich replicas with a partition to work on")
                .isLessThanOrEqualTo(rawPartitions);

        int dataNodes = list(map(cluster.elasticsearch().get("spec")).get("nodeSets")).stream()
                .mapToInt(set -> (Integer) map(set).get("count")).sum();
        // The index template query-service installs (docs/search.md).
        String autoExpand = (String) map(map(single(ROOT.resolve("query-service/src/main/resources/elasticsearch/articles.json"))
                .get("template")).get("settings")).get("auto_expand_replicas");
        int upTo = Integer.parseInt(autoExpand.substring(autoExpand.indexOf('-') + 1));
        assertThat(Math.min(upTo, dataNodes - 1)).as("the article index's replicas on " + dataNodes + " nodes (" + autoExpand + ")")
                .isEqualTo(1);
    }

    @Test
    void theBaseFitsOneBrokerAndOneNode() throws Exception {
        Cluster base = Cluster.of(rendered(BASE));

        assertThat(base.pools()).extracting(pool -> pool.getSpec().getReplicas()).containsExactly(1);
        assertThat(base.kafka().getSpec().getKafka().getConfig()).containsEntry("default.replication.factor", 1)
                .containsEntry("min.insync.replicas", 1);
        assertThat(base.topics()).allSatisfy(topic -> assertThat(topic.getSpec().getReplicas()).isEqualTo(1));
        assertThat(base.config().getData()).containsEntry("KAFKA_REPLICATION_FACTOR", "1");
        assertThat(base.workloads().values()).extracting(Workload::replicas).containsOnly(1);
    }

    @Test
    void servicesAreGivenTheAddressesAndSecretsOfTheEnginesTheOverlayRuns() throws Exception {
        List<Map<String, Object>> documents = rendered(CLUSTER);
        Cluster cluster = Cluster.of(documents);

        GenericKafkaListener plain = cluster.kafka().getSpec().getKafka().getListeners().stream()
                .filter(listener -> !listener.isTls()).findFirst().orElseThrow();
        String elasticsearch = name(cluster.elasticsearch());
        assertThat(cluster.config().getData())
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", cluster.kafka().getMetadata().getName() + "-kafka-bootstrap:" + plain.getPort())
                .containsEntry("ELASTICSEARCH_URL", "http://" + elasticsearch + "-es-http:9200");
        assertThat(cluster.topics()).allSatisfy(topic -> assertThat(topic.getMetadata().getLabels())
                .containsEntry("strimzi.io/cluster", cluster.kafka().getMetadata().getName()));
        assertThat(cluster.pools()).allSatisfy(pool -> assertThat(pool.getMetadata().getLabels())
                .containsEntry("strimzi.io/cluster", cluster.kafka().getMetadata().getName()));

        assertThat(ofKind(documents, "Secret")).as("no Secret, hence no default one, is applied").isEmpty();
        cluster.workloads().forEach((name, workload) -> {
            Container container = workload.template().getSpec().getContainers().getFirst();
            for (EnvVar env : container.getEnv()) {
                if (env.getName().matches(".*(KEY|PASSWORD|SECRET|TOKEN).*")) {
                    assertThat(env.getValue()).as(name + ": " + env.getName() + " comes from a Secret").isNull();
                    assertThat(env.getValueFrom().getSecretKeyRef().getName()).as(name + ": " + env.getName())
                            .isEqualTo(elasticsearch + "-es-elastic-user");
                }
            }
            assertThat(container.getEnvFrom()).as(name + ": the API key from the Secret the operator creates")
                    .anySatisfy(source -> assertThat(source.getSecretRef()).isNotNull()
                            .satisfies(secret -> assertThat(secret.getName()).isEqualTo("newsroom-api")));
        });
    }

    /**
     * Paths of the fields that the models kept aside as "additional properties": fields the API server would
     * drop or refuse (a misspelt securityContext field, say), found anywhere in the resource.
     */
    static List<String> unknownFields(Object model, String path) {
        List<String> found = new ArrayList<>();
        if (model instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                found.addAll(unknownFields(item, path + "[" + i++ + "]"));
            }
            return found;
        }
        if (model instanceof Map<?, ?> entries) {
            entries.forEach((key, value) -> found.addAll(unknownFields(value, path + "." + key)));
            return found;
        }
        if (model == null || !isModel(model.getClass())) {
            return found;
        }
        for (Method getter : model.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers()) || !getter.getName().startsWith("get")
                    || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value = invoke(getter, model);
            String field = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra) {
                    extra.keySet().forEach(key -> found.add(path + "." + key));
                }
            } else if (value != null && (value instanceof Collection<?> || value instanceof Map<?, ?> || isModel(value.getClass()))) {
                found.addAll(unknownFields(value, path + "." + field));
            }
        }
        return found;
    }

    private static boolean isModel(Class<?> type) {
        return !type.isEnum() && (type.getName().startsWith("io.fabric8.kubernetes.api.model.") || type.getName().startsWith("io.strimzi.api."));
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(getter + " of " + target.getClass(), e);
        }
    }

    private static long bytes(Quantity quantity) {
        return Quantity.getAmountInBytes(quantity).longValueExact();
    }

    /**
     * The benchmark's last per-process table in docs/benchmarks.md (the first in the file): RSS max in bytes and
     * mean CPU over the throughput phase in % of a core, by process.
     */
    private static Map<String, long[]> benchmarkFigures() throws IOException {
        List<String> lines = Files.readAllLines(ROOT.resolve("docs/benchmarks.md"));
        int header = 0;
        while (!lines.get(header).startsWith("| process | CPU mean")) {
            header++;
        }
        List<String> columns = cells(lines.get(header));
        int cpu = columns.indexOf("CPU mean, throughput phase");
        int rss = columns.indexOf("RSS max");
        assertThat(cpu).isPositive();
        assertThat(rss).isPositive();
        Map<String, long[]> figures = new HashMap<>();
        for (int i = header + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            List<String> row = cells(lines.get(i));
            if (!row.getFirst().startsWith("bench")) {
                figures.put(row.getFirst(), new long[] {
                        Long.parseLong(row.get(rss).replace(" MB", "").replace(",", "")) * MB,
                        Long.parseLong(row.get(cpu).replace("%", ""))});
            }
        }
        return figures;
    }

    private static List<String> cells(String row) {
        return List.of(row.substring(1, row.length() - 1).split("\\|")).stream().map(String::strip).toList();
    }

    /** The "RSS at most N MB" the process' manifest in the base cites above its resources. */
    private static long citedRssMax(String process) {
        try {
            Matcher cited = Pattern.compile("RSS at most ([\\d,]+) MB").matcher(Files.readString(BASE.resolve(process + ".yaml")));
            assertThat(cited.find()).as(process + ".yaml cites the benchmark's RSS").isTrue();
            return Long.parseLong(cited.group(1).replace(",", ""));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
