package org.newsroom.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** One of the three Spring Boot services, run from its executable jar and awaited on its health endpoint. */
public final class ServiceProcess implements AutoCloseable {

    private final ChildProcess process;
    private final int port;

    private ServiceProcess(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts {@code module}'s jar (found under {@code projectRoot/module/target}) with the given environment
     * and waits until its {@code /actuator/health} answers UP.
     */
    public static ServiceProcess start(Path projectRoot, String module, int port, Map<String, String> environment,
                                       Path workDir, Path logDir, Path runDir, String heap) throws IOException {
        ServiceProcess service = launch(projectRoot, module, port, environment, workDir, logDir, runDir, heap);
        service.awaitUp();
        return service;
    }

    /** Starts the jar without waiting, so several services can boot at once; then call {@link #awaitUp()}. */
    public static ServiceProcess launch(Path projectRoot, String module, int port, Map<String, String> environment,
                                        Path workDir, Path logDir, Path runDir, String heap) throws IOException {
        return launch(projectRoot, module, port, environment, workDir, logDir, runDir, heap, module);
    }

    /** The same for one of several instances of a module, named {@code name} (its log {@code <name>.log}). */
    public static ServiceProcess launch(Path projectRoot, String module, int port, Map<String, String> environment,
                                        Path workDir, Path logDir, Path runDir, String heap, String name) throws IOException {
        Path jar = jarOf(projectRoot, module);
        List<String> command = java(initialHeap(module, heap), heap, jar);
        Map<String, String> env = new HashMap<>(environment);
        env.put("SERVER_PORT", Integer.toString(port));
        ChildProcess process = ChildProcess.start(name, command, env, workDir, logDir.resolve(name + ".log"), runDir);
        return new ServiceProcess(process, port);
    }

    /**
     * Starts {@code jar} as a container would: as the unprivileged {@code uid:gid}, in {@code workDir}, with exactly
     * {@code environment} (nothing inherited) plus the port, without waiting (then {@link #awaitUp()}).
     */
    public static ServiceProcess launchConfined(Path jar, String name, int port, Map<String, String> environment,
                                                String uid, Path workDir, Path logDir, Path runDir, String heap)
            throws IOException {
        List<String> command = new ArrayList<>(List.of("/usr/bin/setpriv", "--reuid=" + uid, "--regid=" + uid,
                "--clear-groups", "--pdeathsig", "TERM"));
        command.addAll(java("64m", heap, jar)); // the image sets no initial heap (deploy/service.Dockerfile)
        Map<String, String> env = new HashMap<>(environment);
        env.put("SERVER_PORT", Integer.toString(port));
        ChildProcess process = ChildProcess.start(name, command, env, true, workDir, logDir.resolve(name + ".log"), runDir);
        return new ServiceProcess(process, port);
    }

    /** The java command line of a service: the JDK, the heap, the child options of this run, its jar. */
    private static List<String> java(String initialHeap, String heap, Path jar) {
        return Jdks.command(Jdks.javaOf(Jdks.find()).toString(),
                List.of("-Xms" + initialHeap, "-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError"), List.of("-jar", jar.toString()));
    }

    /**
     * The heap a service starts with. enrich-service's memory task keeps the window's people, stories and dedup
     * index in the heap, a live set that grows to most of it: started at 64 MB, G1 kept the heap small and collected
     * often while it grew. In four alternated bench runs each way its collector CPU fell from 0.15-0.23 to 0.05-0.07
     * ms per article with the whole heap from the start (its work rose ~0.05 ms: net ~-0.07 ms; resident memory
     * +150-200 MB in a 20,000-article run; docs/benchmarks.md, session 13). ingest and query keep little: started at
     * their maximum they only held ~300 MB more each at a 512 MB heap. deploy/'s enrich does the same
     * ({@code -XX:InitialRAMPercentage} equal to its maximum; KubernetesOverlayTests holds it to that).
     */
    private static String initialHeap(String module, String heap) {
        return module.equals("enrich-service") ? heap : "64m";
    }

    /** Waits until the health endpoint answers UP; fails with the log's tail if the process dies first. */
    public void awaitUp() {
        Ports.await(process, Duration.ofSeconds(240), this::isUp);
    }

    public static Path jarOf(Path projectRoot, String module) throws IOException {
        Path target = projectRoot.resolve(module).resolve("target");
        if (Files.isDirectory(target)) {
            try (Stream<Path> files = Files.list(target)) {
                var jar = files.filter(p -> p.getFileName().toString().endsWith("-exec.jar")).findFirst();
                if (jar.isPresent()) {
                    return jar.get();
                }
            }
        }
        throw new IllegalStateException("No executable jar in " + target + ": build the project first (./newsroom build)");
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public ChildProcess process() {
        return process;
    }

    boolean isUp() {
        return Ports.answers(url() + "/actuator/health", body -> body.contains("\"UP\""));
    }

    @Override
    public void close() {
        process.close();
    }
}
