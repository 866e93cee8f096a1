package org.newsroom.ingest.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.newsroom.contracts.Dateline;
import org.newsroom.contracts.Source;
import org.newsroom.contracts.SourceKind;
import org.newsroom.ingest.cleaning.ArticleCleaner;
import org.newsroom.ingest.cleaning.ArticleText;
import org.newsroom.ingest.intake.Receipts;

/**
 * Fuzz tests (Jazzer) of every parser and of cleaning. The property: whatever the bytes, the result is articles
 * that can be published as {@code ArticleReceived}, or a refusal with {@link UnreadableDocumentException}; any
 * other exception, or an input taking longer than the timeout, is a finding. In a normal test run each method
 * replays the inputs kept in {@code ParserFuzzTestsInputs/<method>} (the crashers found so far); with
 * {@code JAZZER_FUZZ=1} ({@code ./newsroom fuzz}) it fuzzes, seeded from {@code samples/}.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ParserFuzzTests {

    /** Names an intake may give a document; the sniffer takes them only as hints. */
    private static final String[] NAMES = {"story.xml", "page.html", "item.json", "feed.rss", "wire.txt", "upload"};
    private static final Source SOURCE = new Source("fuzz", SourceKind.folder, "file:///inbox");

    private final DocumentParser documents = new DocumentParser(1024 * 1024, 1_000);

    static {
        // Loading the language profiles takes seconds on a busy machine: do it before the first timed input,
        // so that a cold start is not reported as a slow input.
        new ArticleCleaner().clean(new ArticleText("Warm-up", List.of("The language profiles are loaded now."),
                null, null, null, null, null, List.of()));
    }

    /** The entry point every intake uses: sniffing, decoding, the chosen parser and cleaning. */
    @FuzzTest
    void anyDocumentYieldsPublishableArticlesOrARefusal(FuzzedDataProvider data) {
        String name = data.pickValue(NAMES);
        byte[] content = data.consumeRemainingAsBytes();
        try {
            requirePublishable(documents.read(name, content));
        } catch (UnreadableDocumentException e) {
            requireReason(e);
        }
    }

    @FuzzTest
    void newsMlG2YieldsPublishableArticlesOrARefusal(byte[] content) {
        parseWith(content, text -> new NewsMlG2Parser().parse(text));
    }

    @FuzzTest
    void nitfYieldsPublishableArticlesOrARefusal(byte[] content) {
        parseWith(content, text -> new NitfParser().parse(text));
    }

    @FuzzTest
    void ninjsAndJsonYieldPublishableArticlesOrARefusal(byte[] content) {
        parseWith(content, text -> new JsonArticleParser().parse(text));
    }

    @FuzzTest
    void rssAndAtomYieldPublishableArticlesOrARefusal(byte[] content) {
        parseWith(content, text -> new FeedParser().parse(text));
    }

    @FuzzTest
    void htmlYieldsPublishableArticlesOrARefusal(byte[] content) {
        parseWith(content, text -> new HtmlArticleParser().parse(text));
    }

    @FuzzTest
    void plainTextYieldsPublishableArticlesOrARefusal(byte[] content) {
        parseWith(content, text -> ParsedDocument.of(PlainTextParser.FORMAT, new PlainTextParser().parse(text)));
    }

    /** Cleaning alone, on articles a parser could have read (no blank paragraphs): it never fails. */
    @FuzzTest
    void cleaningNeverFailsAndLeavesNoBlankParagraph(FuzzedDataProvider data) {
        String headline = data.consumeString(200);
        String byline = data.consumeBoolean() ? data.consumeString(80) : null;
        String language = data.consumeBoolean() ? data.consumeString(8) : null;
        String url = data.consumeBoolean() ? data.consumeString(200) : null;
        Instant publishedAt = data.consumeBoolean() ? Instant.ofEpochSecond(data.consumeLong(-62_135_596_800L, 253_402_300_799L)) : null;
        Dateline dateline = data.consumeBoolean() ? new Dateline(data.consumeString(40), data.consumeBoolean() ? data.consumeString(20) : null) : null;
        List<String> paragraphs = new ArrayList<>();
        while (data.remainingBytes() > 0 && paragraphs.size() < 40) {
            String paragraph = data.consumeString(600).strip();
            if (!paragraph.isEmpty()) {
                paragraphs.add(paragraph);
            }
        }
        ArticleText clean = new ArticleCleaner().clean(new ArticleText(headline, paragraphs, publishedAt, byline, dateline,
                language, url, List.of()));
        assertThat(clean.paragraphs()).noneMatch(String::isBlank);
    }

    private interface Parse {
        ParsedDocument apply(String text) throws UnreadableDocumentException;
    }

    /** One parser alone, behind the same guards {@link DocumentParser#read} puts before every parser. */
    private void parseWith(byte[] content, Parse parse) {
        try {
            String text = TextDecoding.decode(content);
            if (text.isBlank()) {
                return;
            }
            ParsedDocument parsed = parse.apply(text);
            List<ParsedArticle> cleaned = parsed.articles().stream().map(documents::cleaned)
                    .filter(article -> !article.paragraphs().isEmpty()).toList();
            requirePublishable(new ParsedDocument(parsed.format(), cleaned, parsed.failures()));
        } catch (UnreadableDocumentException e) {
            requireReason(e);
        }
    }

    private static void requirePublishable(ParsedDocument document) {
        for (ParsedArticle article : document.articles()) {
            assertThat(article.paragraphs()).isNotEmpty().noneMatch(String::isBlank);
            Receipts.received(article, SOURCE, Instant.EPOCH);
        }
        assertThat(document.failures()).allSatisfy(failure -> assertThat(failure.reason()).isNotBlank());
    }

    private static void requireReason(UnreadableDocumentException e) {
        assertThat(e.getMessage()).as("a refusal says why").isNotBlank();
    }
}
