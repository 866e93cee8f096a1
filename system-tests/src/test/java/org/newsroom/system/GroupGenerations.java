package org.newsroom.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The rebalances of a service's consumer groups, read from its log: the group generations its members joined. Every
 * member logs its own join, so four stream threads log four joins per rebalance, all of one generation.
 */
final class GroupGenerations {

    private static final String JOINED = "Successfully joined group with generation";
    private static final Pattern GENERATION = Pattern.compile(
            "groupId=([^\\]]+)\\] " + JOINED + " Generation\\{generationId=(\\d+)");

    private GroupGenerations() {
    }

    /** Each generation joined, as {@code <group> #<generation>}. */
    static Set<String> in(Path log) throws IOException {
        try (Stream<String> lines = Files.lines(log)) {
            return of(lines);
        }
    }

    static Set<String> of(Stream<String> lines) {
        Set<String> generations = new TreeSet<>();
        lines.filter(line -> line.contains(JOINED)).forEach(line -> {
            Matcher matcher = GENERATION.matcher(line);
            if (!matcher.find()) {
                // A join that cannot be read would go uncounted, and a bound on rebalances could not fail.
                throw new IllegalStateException("a group join the campaign cannot read: " + line);
            }
            generations.add(matcher.group(1) + " #" + matcher.group(2));
        });
        return generations;
    }
}
