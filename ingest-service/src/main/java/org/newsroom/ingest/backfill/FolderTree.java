package org.newsroom.ingest.backfill;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.newsroom.contracts.Source;
import org.newsroom.contracts.SourceKind;
import org.newsroom.ingest.intake.Documents;
import org.newsroom.ingest.parsing.ParsedArticle;
import org.newsroom.ingest.parsing.UnreadableDocumentException;

/**
 * Every file under a folder as a backfill unit, in path order, read through the same parser as the watched
 * folder (any format, many items per file). Links are refused rather than followed; hidden files are skipped.
 */
final class FolderTree {

    private FolderTree() {
    }

    static List<BackfillUnit> units(Path root, String sourceName, long maxFileSize, int maxItems) throws IOException {
        Documents documents = new Documents(maxFileSize, maxItems);
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(path -> !path.equals(root))
                    .filter(path -> !isHidden(root.relativize(path)))
                    .filter(path -> !Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS))
                    .sorted()
                    .<BackfillUnit>map(path -> () -> read(root, path, sourceName, documents, maxFileSize))
                    .toList();
        }
    }

    private static List<BackfillItem> read(Path root, Path file, String sourceName, Documents documents, long maxFileSize) {
        String where = root.relativize(file).toString();
        if (Files.isSymbolicLink(file)) {
            return List.of(new BackfillItem.Failure(where, "a symbolic link: refused, only real files are read"));
        }
        try {
            long size = Files.size(file);
            if (size > maxFileSize) {
                return List.of(new BackfillItem.Failure(where, "file larger than the limit of %d bytes".formatted(maxFileSize)));
            }
            Documents.Read read = documents.read(where, Files.readAllBytes(file));
            Source source = new Source(sourceName, SourceKind.folder, where);
            List<BackfillItem> items = new ArrayList<>();
            for (ParsedArticle article : read.articles()) {
                items.add(new BackfillItem.Article(where, source, article));
            }
            for (String failure : read.failures()) {
                items.add(new BackfillItem.Failure(where + " " + failure.substring(0, failure.indexOf(':')),
                        failure.substring(failure.indexOf(':') + 1).strip()));
            }
            return items;
        } catch (UnreadableDocumentException e) {
            return List.of(new BackfillItem.Failure(where, e.getMessage()));
        } catch (IOException | UncheckedIOException e) {
            return List.of(new BackfillItem.Failure(where, "could not read: " + e.getMessage()));
        }
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
