package org.newsroom.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Resident memory of a process tree, read from /proc (Linux); 0 where /proc is not there. */
final class Resident {

    private Resident() {
    }

    static long megabytes(long pid) {
        List<ProcessHandle> tree = new ArrayList<>();
        ProcessHandle.of(pid).ifPresent(process -> {
            tree.add(process);
            tree.addAll(process.descendants().toList());
        });
        long kilobytes = 0;
        for (ProcessHandle process : tree) {
            kilobytes += kilobytes(process.pid());
        }
        return kilobytes / 1024;
    }

    private static long kilobytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // gone, or no /proc
        }
        return 0;
    }
}
