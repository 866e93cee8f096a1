package org.newsroom.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;

/** The unprivileged system user Elasticsearch runs as when the stack is started by root. */
final class EsUser {

    static final String NAME = "newsroom-es";

    private EsUser() {
    }

    static boolean needed() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** Creates the user if missing and hands it the folders the node writes to. */
    static void ensureOwns(Path... folders) throws IOException {
        if (run(List.of("id", "-u", NAME)) != 0) {
            int created = run(List.of("useradd", "--system", "--user-group", "--no-create-home",
                    "--shell", "/usr/sbin/nologin", NAME));
            if (created != 0 && run(List.of("id", "-u", NAME)) != 0) {
                throw new IllegalStateException("Could not create the system user " + NAME + " that Elasticsearch runs as");
            }
        }
        List<String> chown = new ArrayList<>(List.of("chown", "-R", NAME + ":" + NAME));
        for (Path folder : folders) {
            chown.add(folder.toAbsolutePath().toString());
        }
        if (run(chown) != 0) {
            throw new IllegalStateException("Could not give " + NAME + " its folders: " + chown);
        }
        for (Path folder : folders) {
            List<String> probe = new ArrayList<>(runAs());
            probe.addAll(List.of("/usr/bin/test", "-w", folder.toAbsolutePath().toString()));
            if (run(probe) != 0) {
                throw new IllegalStateException("User " + NAME + " cannot write " + folder.toAbsolutePath()
                        + ": a parent folder is closed to other users. Run from a folder others can enter, "
                        + "or set NEWSROOM_VAR to one.");
            }
        }
    }

    /** Whether every existing folder above {@code path} lets other users through. */
    static boolean canReach(Path path) {
        for (Path dir = path.toAbsolutePath().getParent(); dir != null; dir = dir.getParent()) {
            if (!Files.exists(dir)) {
                continue;
            }
            try {
                if (!Files.getPosixFilePermissions(dir).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    return false;
                }
            } catch (IOException | UnsupportedOperationException e) {
                return false;
            }
        }
        return true;
    }

    /** A folder every user can reach, unique to {@code workDir}, for when the checkout itself is closed. */
    static Path fallbackFor(Path workDir) {
        return Path.of("/var/tmp/newsroom-es", Integer.toHexString(workDir.toAbsolutePath().toString().hashCode()));
    }

    /** The command prefix that drops to the user; {@code setpriv} execs, so the pid stays the node's. */
    static List<String> runAs() {
        return List.of("/usr/bin/setpriv", "--reuid=" + NAME, "--regid=" + NAME, "--clear-groups", "--pdeathsig", "TERM");
    }

    private static int run(List<String> command) throws IOException {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted running " + command, e);
        }
    }
}
