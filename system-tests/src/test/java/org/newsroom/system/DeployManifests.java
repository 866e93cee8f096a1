package org.newsroom.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
}
