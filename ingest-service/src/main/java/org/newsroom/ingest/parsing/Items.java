package org.newsroom.ingest.parsing;

import java.util.ArrayList;
import java.util.List;

/** Collects the outcome of each item of a multi-item document, keeping failures apart from articles. */
final class Items {

    private final String format;
    private final List<ParsedArticle> articles = new ArrayList<>();
    private final List<ItemFailure> failures = new ArrayList<>();
    private int position;

    Items(String format) {
        this.format = format;
    }

    void add(ParsedArticle article) {
        position++;
        articles.add(article);
    }

    void fail(String label, String reason) {
        position++;
        String item = "item " + position + (label == null || label.isBlank() ? "" : " (" + abbreviated(label) + ")");
        failures.add(new ItemFailure(item, reason));
    }

    ParsedDocument document() {
        return new ParsedDocument(format, articles, failures);
    }

    private static String abbreviated(String label) {
        String flat = label.strip().replaceAll("\\s+", " ");
        return flat.length() <= 80 ? flat : flat.substring(0, 80) + "…";
    }
}
