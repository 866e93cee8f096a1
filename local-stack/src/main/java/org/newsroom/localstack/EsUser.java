package org.newsroom.localstack;

import java.io.IOException;
import java.nio.file.Path;
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
