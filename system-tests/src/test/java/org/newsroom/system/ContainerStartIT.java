package org.newsroom.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsroom.system.DeployManifests.DEPLOY;
import static org.newsroom.system.DeployManifests.ROOT;
import static org.newsroom.system.DeployManifests.container;
import static org.newsroom.system.DeployManifests.kubernetes;
import static org.newsroom.system.DeployManifests.list;
import static org.newsroom.system.DeployManifests.map;
import static org.newsroom.system.DeployManifests.workloads;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.newsroom.localstack.LocalEngines;
import org.newsroom.localstack.Ports;
import org.newsroom.localstack.ServiceProcess;

/**
 * The containers' start-up conditions without Docker: each service jar started as the image's unprivileged user
 * (uid 10001), from a working directory it cannot write, with nothing but the environment the image
 * (deploy/service.Dockerfile) and the Kubernetes manifests set. Only the engine addresses (and the replication
 * factor: the test has one broker) are swapped for the
 * test's engines, and each path the manifests mount a volume on is mapped to a folder of its own that the user may
 * write, as the volume would be. Every service must come up: none writes anywhere else.
 */
class ContainerStartIT {

    private static final String UID = "10001";

    @Test
    void everyServiceStartsUnprivilegedFromAReadOnlyDirectoryWithOnlyTheManifestsEnvironment() throws Exception {
        Path home = RunningPipeline.freshHome("container-start");
        Map<String, String> image = imageEnvironment();
        Map<String, String> config = configMap();
        List<ServiceProcess> started = new ArrayList<>();
        try {
            for (Map<String, Object> workload : workloads()) {
                String name = (String) map(workload.get("metadata")).get("name");
                Path app = Files.createDirectories(home.resolve(name).resolve("app"));
                Path jar = Files.copy(ServiceProcess.jarOf(ROOT, name), app.resolve("service.jar"));
                Map<String, String> volumes = volumes(home.resolve(name), workload);
                Map<String, String> env = new LinkedHashMap<>();
                env.put("PATH", "/usr/bin:/bin");
                image.forEach((key, value) -> env.put(key, mapped(value, volumes)));
                config.forEach((key, value) -> env.put(key, value));
                for (Object entry : list(container(workload).get("env"))) {
                    Map<String, Object> variable = map(entry);
                    Object value = variable.containsKey("value") ? variable.get("value") : "from-" + name;
                    env.put((String) variable.get("name"), mapped(String.valueOf(value), volumes));
                }
                // What the secret and the cluster would give: the key, and the addresses of the test's engines.
                env.put("NEWSROOM_API_KEY", "container-start-key-0123456789");
                env.put("KAFKA_BOOTSTRAP_SERVERS", LocalEngines.kafkaBootstrapServers());
                env.put("ELASTICSEARCH_URL", LocalEngines.elasticsearchUrl());
                env.put("KAFKA_REPLICATION_FACTOR", "1");
                env.remove("SERVER_PORT");
                // The image's working directory: root's, and nobody else may write it.
                Files.setPosixFilePermissions(app, PosixFilePermissions.fromString("r-xr-xr-x"));
                started.add(ServiceProcess.launchConfined(jar, name, Ports.free(), env, UID, app, home.resolve("logs"),
                        home.resolve("run"), "320m"));
            }
            started.forEach(ServiceProcess::awaitUp);
            try (Stream<Path> files = Files.walk(home)) {
                assertThat(files.filter(path -> path.toString().contains("/app/") && !path.endsWith("service.jar")).toList())
                        .as("files written in the read-only working directories").isEmpty();
            }
        } finally {
            started.forEach(ServiceProcess::close);
        }
    }

    /** Each path the workload mounts a volume on, mapped to a fresh folder the unprivileged user owns. */
    private static Map<String, String> volumes(Path folder, Map<String, Object> workload) throws IOException, InterruptedException {
        Map<String, String> volumes = new HashMap<>();
        for (Object entry : list(container(workload).get("volumeMounts"))) {
            String mountPath = (String) map(entry).get("mountPath");
            Path volume = Files.createDirectories(folder.resolve("volumes" + mountPath));
            int chown = new ProcessBuilder("chown", "-R", UID + ":" + UID, volume.toString()).inheritIO().start().waitFor();
            assertThat(chown).as("chown " + volume + " (the test runs as root, as the CI does)").isZero();
            volumes.put(mountPath, volume.toString());
        }
        return volumes;
    }

    /** {@code value} with a mounted path's prefix replaced by its folder: {@code /tmp} in JAVA_TOOL_OPTIONS too. */
    private static String mapped(String value, Map<String, String> volumes) {
        String result = value;
        for (var volume : volumes.entrySet()) {
            result = result.replaceAll("(?<![\\w/])" + Pattern.quote(volume.getKey()) + "(?=/|$|\\s)",
                    Matcher.quoteReplacement(volume.getValue()));
        }
        return result;
    }

    private static Map<String, String> imageEnvironment() throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        String dockerfile = Files.readString(DEPLOY.resolve("service.Dockerfile")).replace("\\\n", "\n");
        Matcher variable = Pattern.compile("(?m)^\\s*(?:ENV )?([A-Z_]+)=(\"[^\"]*\"|\\S+)").matcher(dockerfile);
        while (variable.find()) {
            env.put(variable.group(1), variable.group(2).replace("\"", ""));
        }
        assertThat(env).containsKeys("JAVA_TOOL_OPTIONS", "ENRICH_STATE_DIR");
        return env;
    }

    private static Map<String, String> configMap() throws IOException {
        Map<String, String> data = new LinkedHashMap<>();
        kubernetes().stream().filter(doc -> "ConfigMap".equals(doc.get("kind"))).forEach(doc ->
                map(doc.get("data")).forEach((key, value) -> data.put(key, String.valueOf(value))));
        return data;
    }
}
