package org.newsroom.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A single Elasticsearch node on 127.0.0.1 with security off, unpacked from the distribution zip the build
 * fetched. Elasticsearch refuses to run as root, so under root it runs as the system user
 * {@value EsUser#NAME}, which must own its home, data and logs.
 */
public final class ElasticsearchNode implements AutoCloseable {

    private final ChildProcess process;
    private final int port;

    private ElasticsearchNode(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts a node whose distribution is unpacked once into {@code homeParent} and whose data lives in
     * {@code workDir}; plugin zips in the engines folder are installed before the first start.
     */
    public static ElasticsearchNode start(Path enginesDir, Path homeParent, Path workDir, int port, Path logDir,
                                          Path runDir, String heap) throws IOException {
        ElasticsearchNode node = launch(enginesDir, homeParent, workDir, logDir, runDir, heap, "elasticsearch", port,
                List.of("-E", "discovery.type=single-node", "-E", "node.name=local", "-E", "transport.port=" + Ports.free()),
                false);
        node.awaitHealthy();
        return node;
    }

    /** One node of a cluster: its name and ports. */
    public record Member(String name, int httpPort, int transportPort) {
    }

    /**
     * Starts {@code member} of {@code cluster} without waiting: the cluster elects a master once a majority of
     * its master-eligible nodes runs, so start them all, then {@link #awaitHealthy()} each. Every node is master,
     * data and ingest node; each has its own copy of the configuration (nodes write to it).
     */
    public static ElasticsearchNode launch(Path enginesDir, Path homeParent, Path workDir, Member member,
                                           List<Member> cluster, String heap, Path logDir, Path runDir) throws IOException {
        List<String> seeds = cluster.stream().map(m -> "127.0.0.1:" + m.transportPort()).toList();
        List<String> masters = cluster.stream().map(Member::name).toList();
        return launch(enginesDir, homeParent, workDir, logDir, runDir, heap, member.name(), member.httpPort(),
                List.of("-E", "node.name=" + member.name(),
                        "-E", "transport.port=" + member.transportPort(),
                        "-E", "discovery.seed_hosts=" + String.join(",", seeds),
                        "-E", "cluster.initial_master_nodes=" + String.join(",", masters)),
                true);
    }

    private static ElasticsearchNode launch(Path enginesDir, Path homeParent, Path workDir, Path logDir, Path runDir,
                                            String heap, String name, int port, List<String> roleArguments,
                                            boolean ownConfig) throws IOException {
        if (EsUser.needed() && !(EsUser.canReach(homeParent) && EsUser.canReach(workDir) && EsUser.canReach(logDir))) {
            // A checkout under a closed folder (e.g. /root) cannot be entered by the node's user.
            Path fallback = EsUser.fallbackFor(workDir);
            System.err.println("[newsroom] " + workDir + " is closed to user " + EsUser.NAME
                    + "; Elasticsearch keeps its files in " + fallback + " instead");
            homeParent = fallback.resolve("home");
            workDir = fallback.resolve("node");
            logDir = fallback.resolve("logs");
        }
        Path home = unpacked(enginesDir, homeParent);
        Path data = workDir.resolve("data");
        Path logs = logDir.resolve(name);
        Files.createDirectories(data);
        Files.createDirectories(logs);
        Path jdk = Jdks.find();
        installPlugins(enginesDir, home, jdk);
        Path config = home.resolve("config");
        if (ownConfig) {
            config = workDir.resolve("config");
            copyIfMissing(home.resolve("config"), config);
        }
        List<String> command = new ArrayList<>();
        if (EsUser.needed()) {
            EsUser.ensureOwns(home, workDir, logs);
            command.addAll(EsUser.runAs());
        }
        command.add(home.resolve("bin/elasticsearch").toString());
        command.addAll(roleArguments);
        command.addAll(List.of(
                "-E", "cluster.name=newsroom-local",
                "-E", "network.host=127.0.0.1",
                "-E", "http.port=" + port,
                "-E", "xpack.security.enabled=false",
                // A laptop disk above 90% must not turn the index read-only under a developer's feet.
                "-E", "cluster.routing.allocation.disk.threshold_enabled=false",
                "-E", "path.data=" + data.toAbsolutePath(),
                "-E", "path.logs=" + logs.toAbsolutePath()));
        Map<String, String> environment = Map.of(
                "ES_JAVA_HOME", jdk.toString(),
                "ES_JAVA_OPTS", String.join(" ", Stream.concat(Stream.of("-Xms" + heap, "-Xmx" + heap),
                        Jdks.childOptions().stream()).toList()),
                "ES_PATH_CONF", config.toString());
        ChildProcess process = ChildProcess.start(name, command, environment, workDir, logDir.resolve(name + ".log"), runDir);
        return new ElasticsearchNode(process, port);
    }

    /** Waits until the node answers and its cluster is at least yellow. */
    public void awaitHealthy() {
        Ports.await(process, Duration.ofSeconds(180), this::isHealthy);
    }

    private static void copyIfMissing(Path from, Path to) throws IOException {
        if (Files.exists(to)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public ChildProcess process() {
        return process;
    }

    boolean isHealthy() {
        if (!Ports.isListening(port)) {
            return false;
        }
        return Ports.answers(url() + "/_cluster/health?wait_for_status=yellow&timeout=2s", body -> true);
    }

    @Override
    public void close() {
        process.close();
    }

    /** Unpacks the distribution once; a half-unpacked home (crash during unzip) is never used. */
    private static Path unpacked(Path enginesDir, Path homeParent) throws IOException {
        Path zip = enginesDir.resolve("elasticsearch.zip");
        String top;
        try (ZipFile file = new ZipFile(zip.toFile())) {
            top = file.entries().nextElement().getName().split("/")[0];
            Path home = homeParent.resolve(top);
            if (Files.exists(home.resolve(".unpacked"))) {
                return home;
            }
            Path staging = Files.createDirectories(homeParent).resolve(top + ".partial");
            deleteRecursively(staging);
            extract(file, staging);
            deleteRecursively(home);
            Files.move(staging.resolve(top), home, StandardCopyOption.ATOMIC_MOVE);
            deleteRecursively(staging);
            Files.writeString(home.resolve(".unpacked"), zip.toString());
            return home;
        }
    }

    private static void extract(ZipFile file, Path target) throws IOException {
        Enumeration<? extends ZipEntry> entries = file.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            Path path = target.resolve(entry.getName()).normalize();
            if (!path.startsWith(target)) {
                throw new IOException("zip entry outside target: " + entry.getName());
            }
            if (entry.isDirectory()) {
                Files.createDirectories(path);
                continue;
            }
            Files.createDirectories(path.getParent());
            try (InputStream in = file.getInputStream(entry)) {
                Files.copy(in, path, StandardCopyOption.REPLACE_EXISTING);
            }
            // Java's zip API drops Unix modes; the launch scripts and native helpers must stay executable.
            if (path.getParent().getFileName().toString().equals("bin")) {
                path.toFile().setExecutable(true, false);
            }
        }
    }

    private static void installPlugins(Path enginesDir, Path home, Path jdk) throws IOException {
        Path pluginZips = enginesDir.resolve("elasticsearch-plugins");
        if (!Files.isDirectory(pluginZips)) {
            return;
        }
        try (Stream<Path> zips = Files.list(pluginZips)) {
            for (Path zip : zips.filter(p -> p.toString().endsWith(".zip")).sorted().toList()) {
                ElasticsearchPlugins.install(home, zip, jdk);
            }
        }
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
