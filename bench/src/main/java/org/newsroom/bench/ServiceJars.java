package org.newsroom.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * The services' executable jars, copied into the run's folder (laid out as {@code <module>/target/}) before they
 * start: a rebuild in the checkout during a long run then cannot pull a jar from under a running service.
 */
final class ServiceJars {

    private static final int ATTEMPTS = 30;

    private ServiceJars() {
    }

    static Path copied(Path projectRoot, Path into, List<String> modules) throws IOException {
        for (String module : modules) {
            Path target = Files.createDirectories(into.resolve(module).resolve("target"));
            copyWhole(projectRoot.resolve(module).resolve("target"), target);
        }
        return into;
    }

    /** A jar being rewritten by a build is unreadable for a moment: wait for a whole one. */
    private static void copyWhole(Path from, Path to) throws IOException {
        for (int attempt = 1; ; attempt++) {
            Path jar = execJar(from);
            Path copy = to.resolve(jar.getFileName());
            Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
            try (ZipFile ignored = new ZipFile(copy.toFile())) {
                return;
            } catch (IOException e) {
                if (attempt == ATTEMPTS) {
                    throw new IOException(jar + " stayed unreadable: rebuild it", e);
                }
                sleep();
            }
        }
    }

    private static Path execJar(Path target) throws IOException {
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().endsWith("-exec.jar")).findFirst()
                    .orElseThrow(() -> new IOException("no executable jar in " + target + ": run ./newsroom build"));
        }
    }

    private static void sleep() throws IOException {
        try {
            Thread.sleep(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted waiting for a jar", e);
        }
    }
}
