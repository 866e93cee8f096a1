package org.newsroom.corpora;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** Reads the BBC News dataset: one folder per category, one text file per article. */
public final class BbcNews {

    private static final List<String> CATEGORIES = List.of("business", "entertainment", "politics", "sport", "tech");

    private BbcNews() {
    }

    public static List<BbcStory> read(Path folder) {
        List<BbcStory> stories = new ArrayList<>();
        for (String category : CATEGORIES) {
            try (Stream<Path> files = Files.list(folder.resolve(category))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                    stories.add(story(category, file));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return stories;
    }

    private static BbcStory story(String category, Path file) throws IOException {
        String[] blocks = decode(Files.readAllBytes(file)).replace("\r\n", "\n").strip().split("\\n\\s*\\n");
        String name = file.getFileName().toString();
        List<String> paragraphs = Arrays.stream(blocks).skip(1)
                .map(block -> block.replaceAll("\\s+", " ").strip())
                .filter(p -> !p.isEmpty())
                .toList();
        return new BbcStory(category + "/" + name.substring(0, name.length() - 4), category, blocks[0].strip(), paragraphs);
    }

    /** UTF-8, except the odd Latin-1 file (sport/199.txt). */
    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }
}
