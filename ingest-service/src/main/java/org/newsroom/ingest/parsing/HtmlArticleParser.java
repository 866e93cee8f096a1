package org.newsroom.ingest.parsing;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.newsroom.contracts.Extraction;
import org.newsroom.contracts.PubStatus;

/**
 * Saved news pages: the article's main text (not the page), with headline, date, author, canonical URL and
 * language from the page's metadata (Open Graph, {@code article:} tags, JSON-LD, {@code <html lang>}), and how the
 * text was found ({@link Extraction}).
 */
final class HtmlArticleParser {

    static final String FORMAT = "html";

    ParsedDocument parse(String html) throws UnreadableDocumentException {
        Document page = Jsoup.parse(html);
        MainText.Result text = MainText.extract(page);
        List<String> paragraphs = text.paragraphs();
        if (paragraphs.isEmpty()) {
            throw new UnreadableDocumentException("HTML page has no article text");
        }
        String headline = PageMetadata.headline(page);
        if (headline == null) {
            headline = PlainTextParser.derivedHeadline(paragraphs.getFirst());
        }
        return ParsedDocument.of(FORMAT, new ParsedArticle(FORMAT, headline, paragraphs,
                Timestamps.parse(PageMetadata.published(page)), PageMetadata.author(page), null,
                PageMetadata.language(page), PageMetadata.url(page), null, 1, List.of(), PubStatus.usable,
                new Extraction(text.method(), text.confidence())));
    }
}
