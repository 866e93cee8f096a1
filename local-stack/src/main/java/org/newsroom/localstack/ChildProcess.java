package org.newsroom.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A process the stack started, with its output in a log file. Stopping it ends its whole process tree:
 * Elasticsearch's launcher, for one, runs the node as a child of its own.
 */
public final class ChildProcess implements AutoCloseable {

    private static final Duration GRACE = Duration.ofSeconds(30);

    private final String name;
    private final Process process;
    private final Path log;
    private final Path pidFile;

    private ChildProcess(String name, Process process, Path log, Path pidFile) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.pidFile = pidFile;
    }

    /**
     * Starts {@code command}, appending its output to {@code log}. The pid is recorded under {@code runDir}
     * so that a later start can end processes a killed launcher left behind.
     */
    static ChildProcess start(String name, List<String> command, Map<String, String> environment, Path workDir,
                              Path log, Path runDir) throws IOException {
        return start(name, command, environment, false, workDir, log, runDir);
    }

    /** The same; with {@code onlyGiven} the child gets {@code environment} alone, nothing of this process's own. */
    static ChildProcess start(String name, List<String> command, Map<String, String> environment, boolean onlyGiven,
                              Path workDir, Path log, Path runDir) throws IOException {
        Files.createDirectories(log.getParent());
        Files.createDirectories(runDir);
        Path pidFile = runDir.resolve(name + ".pid");
        StaleProcesses.end(pidFile);
        ProcessBuilder builder = new ProcessBuilder(withParentDeathSignal(command))
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        if (onlyGiven) {
            builder.environment().clear();
        }
        builder.environment().putAll(environment);
        Process process = builder.start();
        Files.writeString(pidFile, Long.toString(process.pid()));
        return new ChildProcess(name, process, log, pidFile);
    }

    /**
     * Runs the child in its own session, so Ctrl-C reaches only the launcher, which then stops the children
     * in order; and asks the kernel to stop the child if the launcher dies without running its shutdown hooks
     * (kill -9), so that no broker or node outlives the stack that started it.
     */
    private static List<String> withParentDeathSignal(List<String> command) {
        if (!Files.isExecutable(Path.of("/usr/bin/setpriv")) || !Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("/usr/bin/setsid"));
        if (!command.getFirst().endsWith("setpriv")) {
            wrapped.addAll(List.of("/usr/bin/setpriv", "--pdeathsig", "TERM"));
        }
        wrapped.addAll(command);
        return wrapped;
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path log() {
        return log;
    }

    /** The last lines of the log, to explain a failed start. */
    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Kills the process tree at once (SIGKILL), as a crash would: for fault tests. */
    public void kill() {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroyForcibly);
        tree.forEach(handle -> handle.onExit().join());
    }

    /** Stops the process tree: SIGTERM first, SIGKILL for whatever is still alive after the grace period. */
    @Override
    public void close() {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        process.destroy();
        try {
            process.waitFor(GRACE.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        tree.forEach(handle -> handle.onExit().join());
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException ignored) {
            // a leftover pid file is checked against the live process table on the next start
        }
    }
}
