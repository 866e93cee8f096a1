package org.newsroom.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Ends processes that a previous launcher recorded but did not stop (it was killed, or the machine slept). */
final class StaleProcesses {

    private StaleProcesses() {
    }

    static void end(Path pidFile) throws IOException {
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readString(pidFile).trim());
        } catch (NumberFormatException e) {
            Files.delete(pidFile);
            return;
        }
        ProcessHandle.of(pid).filter(StaleProcesses::isOurs).ifPresent(process -> {
            List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
            tree.add(process);
            tree.forEach(ProcessHandle::destroyForcibly);
            tree.forEach(handle -> handle.onExit().join());
        });
        Files.delete(pidFile);
    }

    /** A recycled pid must not be killed: only a java or setpriv process can be one of ours. */
    private static boolean isOurs(ProcessHandle process) {
        String command = process.info().command().orElse("");
        return command.endsWith("java") || command.endsWith("setpriv");
    }
}
