package org.newsroom.ingest.parsing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Plain text may open with "<": Reuters writes company names in angle brackets, and a wire story's first line is
 * often one. Such text is read as text unless it is markup of a known format; real markup is still recognised.
 */
class TextInAngleBracketsTests {

    private final DocumentParser parser = new DocumentParser();

    @Test
    void aReutersStoryOpeningWithACompanyNameInAngleBracketsIsReadAsText() throws UnreadableDocumentException {
        String story = """
                <POTASH CO OF AMERICA INC> NINE MTHS LOSS

                Shr loss 1.05 dlrs vs loss 2.63 dlrs. Net loss 4,573,000 vs loss 11,408,000.
                Revs 72.4 mln vs 59.2 mln.
                """;

        List<ParsedArticle> articles = parser.parse("potash.txt", story.getBytes(UTF_8));

        assertThat(articles).singleElement().satisfies(article -> {
            assertThat(article.format()).isEqualTo(PlainTextParser.FORMAT);
            assertThat(article.headline()).contains("POTASH CO OF AMERICA INC");
            assertThat(String.join(" ", article.paragraphs())).contains("Revs 72.4 mln");
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "<ACME> SEES HIGHER PROFITS",
            "<RSS TECHNOLOGIES INC> SETS DIVIDEND",
            "<A AND B CORP> TO BUY RIVAL",
            "<NITF SYSTEMS> REPORTS GAIN",
            "<Reuters> Markets close higher on the day",
    })
    void aFirstLineInAngleBracketsThatIsNoMarkupIsText(String firstLine) throws UnreadableDocumentException {
        String story = firstLine + "\n\nThe company said results would be published on Friday, shareholders were told.";

        List<ParsedArticle> articles = parser.parse("story", story.getBytes(UTF_8));

        assertThat(articles).singleElement().extracting(ParsedArticle::format).isEqualTo(PlainTextParser.FORMAT);
    }

    @Test
    void wellFormedXmlOfAnUnknownFormatIsStillRefusedAsUnsupported() {
        byte[] svg = "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(UTF_8);

        assertThatThrownBy(() -> parser.parse("drawing.svg", svg))
                .hasMessageContaining("unsupported XML document (root element <svg>)");
    }

    @Test
    void anRssFeedIsStillReadAsAFeed() throws UnreadableDocumentException {
        String feed = """
                <rss version="2.0"><channel><title>Wire</title>
                <item><title>Port reopens</title><guid>w-1</guid><description>The port reopened on Tuesday.</description></item>
                </channel></rss>
                """;

        assertThat(parser.parse("wire.xml", feed.getBytes(UTF_8))).singleElement()
                .extracting(ParsedArticle::headline).isEqualTo("Port reopens");
    }

    @Test
    void anHtmlFragmentWithUnquotedAttributesIsStillReadAsHtml() throws UnreadableDocumentException {
        String page = "<article class=story><h1>Port reopens</h1><p>The port reopened on Tuesday after a week of"
                + " repairs, the harbour master said, and the first ships came in at dawn.</p></article>";

        assertThat(parser.parse("page", page.getBytes(UTF_8))).singleElement()
                .extracting(ParsedArticle::format).isNotEqualTo(PlainTextParser.FORMAT);
    }
}
