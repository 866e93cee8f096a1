package org.newsroom.ingest.parsing;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.newsroom.ingest.cleaning.ArticleCleaner;
import org.newsroom.ingest.cleaning.ArticleText;

/**
 * Turns one dropped, posted or fetched document into the articles it holds (a feed, package, JSON array or
 * JSON Lines file holds many), cleaned. The format is recognised from the content; the name is only a hint.
 * Limits on size and item count keep one huge document from starving the rest.
 */
public final class DocumentParser {

    /** Default limits: a large agency file or feed is a few MB and a few hundred items. */
    public static final int DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
    public static final int DEFAULT_MAX_ITEMS = 10_000;
    /** The default of {@code ingest.max-article-size}: far above any news article, far below Kafka's record limit. */
    public static final long DEFAULT_MAX_ARTICLE_BYTES = 2L * 1024 * 1024;

    private final int maxBytes;
    private final int maxItems;
    private final long maxArticleBytes;
    private final ArticleCleaner cleaner = new ArticleCleaner();

    public DocumentParser() {
        this(DEFAULT_MAX_BYTES, DEFAULT_MAX_ITEMS);
    }

    public DocumentParser(int maxBytes, int maxItems) {
        this(maxBytes, maxItems, DEFAULT_MAX_ARTICLE_BYTES);
    }

    public DocumentParser(int maxBytes, int maxItems, long maxArticleBytes) {
        this.maxBytes = maxBytes;
        this.maxItems = maxItems;
        this.maxArticleBytes = maxArticleBytes;
    }

    /**
     * The articles of the document; items that failed are left out (use {@link #read} to see them). Throws
     * when the document as a whole is unreadable or none of its items could be read.
     */
    public List<ParsedArticle> parse(String name, byte[] content) throws UnreadableDocumentException {
        ParsedDocument document = read(name, content);
        if (document.articles().isEmpty()) {
            throw new UnreadableDocumentException("no readable article: " + document.failures().stream()
                    .map(failure -> failure.item() + ": " + failure.reason()).collect(Collectors.joining("; ")));
        }
        return document.articles();
    }

    /**
     * Everything in the document: its cleaned articles and, apart, the items that failed with their reasons.
     * Throws only when the document as a whole cannot be read (empty, binary, malformed, over a limit).
     */
    public ParsedDocument read(String name, byte[] content) throws UnreadableDocumentException {
        if (content.length > maxBytes) {
            throw new UnreadableDocumentException("document of %,d bytes is over the %,d-byte limit"
                    .formatted(content.length, maxBytes));
        }
        String text = TextDecoding.decode(content);
        if (text.isBlank()) {
            throw new UnreadableDocumentException("document holds only whitespace");
        }
        ParsedDocument parsed = parseText(name, text);
        int items = parsed.articles().size() + parsed.failures().size();
        if (items > maxItems) {
            throw new UnreadableDocumentException("document holds %,d items, over the limit of %,d"
                    .formatted(items, maxItems));
        }
        List<ParsedArticle> cleaned = new ArrayList<>();
        List<ItemFailure> failures = new ArrayList<>(parsed.failures());
        for (ParsedArticle article : parsed.articles()) {
            ParsedArticle clean = cleaned(article);
            long size = clean.sizeInBytes();
            if (size > maxArticleBytes) {
                // Refused here, before Kafka, so that an oversized article fails alone and says why.
                failures.add(new ItemFailure("item (" + clean.headline() + ")", "article of %,d bytes is over the %,d-byte limit"
                        .formatted(size, maxArticleBytes) + " (ingest.max-article-size)", true));
            } else if (clean.paragraphs().isEmpty() && clean.pubStatus().shown()) {
                // e.g. a link-only feed item whose whole "text" is a "Comments" link
                failures.add(new ItemFailure("item (" + clean.headline() + ")", "no text left after cleaning: only "
                        + clean.removed().stream().map(removal -> removal.reason()).distinct().collect(Collectors.joining(", "))));
            } else {
                cleaned.add(clean);
            }
        }
        return new ParsedDocument(parsed.format(), cleaned, failures);
    }

    private ParsedDocument parseText(String name, String text) throws UnreadableDocumentException {
        FormatSniffer.Sniffed sniffed = FormatSniffer.sniff(name, text);
        return switch (sniffed.kind()) {
            case JSON -> new JsonArticleParser().parse(text);
            case FEED -> new FeedParser().parse(text);
            case NEWSML_G2 -> new NewsMlG2Parser().parse(text);
            case NITF -> new NitfParser().parse(text);
            case HTML -> new HtmlArticleParser().parse(text);
            case XML -> {
                SafeXml.requireNoEntityDeclarations(text);
                if (!wellFormed(text)) {
                    // Not markup of any known format, and not well-formed XML either: text that opens with "<".
                    yield ParsedDocument.of(PlainTextParser.FORMAT, new PlainTextParser().parse(text));
                }
                throw new UnreadableDocumentException("unsupported XML document (root element <%s>): not a feed,"
                        .formatted(sniffed.root()) + " NewsML-G2 or NITF");
            }
            case TEXT -> ParsedDocument.of(PlainTextParser.FORMAT, new PlainTextParser().parse(text));
        };
    }

    private static boolean wellFormed(String text) {
        try {
            SafeXml.parse(text);
            return true;
        } catch (UnreadableDocumentException e) {
            return false;
        }
    }

    /**
     * Cleaning alone, for paths that build articles themselves (e.g. corpus backfills): boilerplate and credits
     * removed and recorded, metadata completed, exactly as for parsed documents.
     */
    public ParsedArticle cleaned(ParsedArticle article) {
        ArticleText clean = cleaner.clean(new ArticleText(article.headline(), article.paragraphs(),
                article.publishedAt(), article.byline(), article.dateline(), article.language(), article.url(),
                article.removed()));
        return new ParsedArticle(article.format(), clean.headline(), clean.paragraphs(), clean.publishedAt(),
                clean.byline(), clean.dateline(), clean.language(), clean.url(), article.guid(), article.version(),
                clean.removed(), article.pubStatus(), article.extraction());
    }
}
