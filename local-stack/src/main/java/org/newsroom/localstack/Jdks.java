package org.newsroom.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Finds a JDK of at least the version the engines need: Elasticsearch 9 runs on 21+, and the machines this
 * project targets have 17 as their default {@code java}.
 */
public final class Jdks {

    public static final int MINIMUM = 21;

    private Jdks() {
    }

    /** The first JDK 21+ among ES_JAVA_HOME, JAVA_HOME, this JVM and /usr/lib/jvm (newest first). */
    public static Path find() {
        List<Path> candidates = new ArrayList<>();
        Stream.of(System.getenv("ES_JAVA_HOME"), System.getenv("JAVA_HOME"))
                .filter(home -> home != null && !home.isBlank())
                .map(Path::of)
                .forEach(candidates::add);
        candidates.add(Path.of(System.getProperty("java.home")));
        candidates.addAll(installed(Path.of("/usr/lib/jvm")));
        return candidates.stream()
                .filter(home -> majorVersion(home).orElse(0) >= MINIMUM)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "No JDK " + MINIMUM + "+ found: set JAVA_HOME (or ES_JAVA_HOME) to one. Looked at " + candidates));
    }

    public static Path javaOf(Path home) {
        return home.resolve("bin").resolve("java");
    }

    /** The system property {@link #childOptions()} reads; only the build's failsafe configuration sets it. */
    public static final String CHILD_OPTIONS_PROPERTY = "newsroom.child-jvm-options";

    /**
     * A java command line: {@code java}, its {@code options}, this run's {@link #childOptions()}, then {@code main}
     * (a class or {@code -jar} and what follows). Every JVM this module starts but Elasticsearch's (which takes its
     * options through {@code ES_JAVA_OPTS}) is started with one.
     */
    public static List<String> command(String java, List<String> options, List<String> main) {
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(options);
        command.addAll(childOptions());
        command.addAll(main);
        return command;
    }

    /**
     * Extra JVM options for the services, Kafka brokers and Elasticsearch nodes this module starts, split at blanks;
     * none by default. The integration tests pass {@code -XX:TieredStopAtLevel=1} (pom.xml): their processes live
     * for a minute or two on small inputs, where HotSpot's optimising compiler costs more CPU than it ever gives back
     * (the bench measured it at up to two fifths of each process's CPU in its first minutes), and a 2-core machine
     * runs up to 13 of them at once. A system property, not an environment variable, so that nothing exported in a
     * shell can reach the bench or {@code ./newsroom up}, whose processes run on the JVM's defaults.
     */
    public static List<String> childOptions() {
        String options = System.getProperty(CHILD_OPTIONS_PROPERTY);
        return options == null || options.isBlank() ? List.of() : List.of(options.trim().split("\\s+"));
    }

    private static List<Path> installed(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> homes = Files.list(folder)) {
            return homes.filter(home -> Files.isExecutable(javaOf(home)))
                    .sorted(Comparator.comparing((Path home) -> majorVersion(home).orElse(0)).reversed())
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Reads JAVA_VERSION from the JDK's {@code release} file, e.g. "25.0.1" gives 25. */
    static Optional<Integer> majorVersion(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release) || !Files.isExecutable(javaOf(home))) {
            return Optional.empty();
        }
        try (var reader = Files.newBufferedReader(release)) {
            Properties properties = new Properties();
            properties.load(reader);
            String version = properties.getProperty("JAVA_VERSION", "").replace("\"", "");
            String major = version.startsWith("1.") ? version.substring(2) : version;
            return Optional.of(Integer.parseInt(major.split("[.+-]")[0]));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
