package org.newsroom.ingest.parsing;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile and broken input, kind by kind: each is refused with a clear reason, or read correctly where
 * reading it is right (odd encodings, one bad item among good ones); none crashes the parser or hangs it.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class MalformedInputTests {

    private static final String RSS_ITEM = "<item><title>Good item</title><description>Story text of the good item.</description></item>";

    private final DocumentParser parser = new DocumentParser(64 * 1024, 50);

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("empty file", new byte[0], "empty file"),
                Arguments.of("whitespace only", utf8("  \n\t \n"), "only whitespace"),
                Arguments.of("binary with NUL bytes", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H', 'D', 'R'},
                        "binary content (NUL bytes: 3 in 12)"),
                Arguments.of("text with NUL bytes over one in a hundred", concat(utf8("a".repeat(98)), new byte[] {0, 0}),
                        "binary content (NUL bytes: 2 in 100)"),
                Arguments.of("binary control characters", controlCharacters(), "binary content"),
                Arguments.of("truncated XML feed", utf8("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><item><title>Cut"),
                        "malformed XML at line 1"),
                Arguments.of("XXE external entity", utf8("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "
                        + "\"file:///etc/passwd\">]><rss version=\"2.0\"><channel><item><title>&xxe;</title></item></channel></rss>"),
                        "declares entities"),
                Arguments.of("billion laughs", utf8(billionLaughs()), "declares entities"),
                Arguments.of("XXE parameter entity in NITF", utf8("<!DOCTYPE nitf [<!ENTITY % remote SYSTEM "
                        + "\"http://127.0.0.1:9/x.dtd\"> %remote;]><nitf><body><body.content><p>x</p></body.content></body></nitf>"),
                        "declares entities"),
                Arguments.of("file over the size limit", utf8("word ".repeat(20_000)), "over the 65,536-byte limit"),
                Arguments.of("more items than allowed", utf8("[" + "{\"headline\":\"h\",\"body\":\"text\"},".repeat(60)
                        + "{\"headline\":\"h\",\"body\":\"text\"}]"), "holds 61 items, over the limit of 50"),
                Arguments.of("bad JSON", utf8("{\"headline\": \"Missing comma\" \"body\": \"x\"}"), "malformed JSON"),
                Arguments.of("JSON object that is no article", utf8("{\"status\": \"ok\", \"count\": 3}"),
                        "item 1: JSON item has no body text"),
                Arguments.of("empty JSON array", utf8("[]"), "holds no article objects"),
                Arguments.of("deeply nested JSON", utf8("[".repeat(5_000) + "]".repeat(5_000)), "malformed JSON"),
                Arguments.of("feed without items", utf8("<rss version=\"2.0\"><channel><title>Empty</title></channel></rss>"),
                        "feed has no items"),
                Arguments.of("HTML page with no article", utf8("<!DOCTYPE html><html><body><nav><a href=\"/\">Home</a></nav>"
                        + "<footer>© Site</footer></body></html>"), "HTML page has no article text"),
                Arguments.of("NITF without body", utf8("<nitf><head><title>T</title></head><body><body.head><hedline><hl1>H</hl1>"
                        + "</hedline></body.head></body></nitf>"), "NITF document has no body text"),
                Arguments.of("unsupported XML", utf8("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>"),
                        "unsupported XML document (root element <svg>)"),
                Arguments.of("date line and nothing else", utf8("date 2019-05-06"), "no article text"),
                Arguments.of("deeply nested XML", utf8("<nitf><body><body.content>" + "<div>".repeat(5_000) + "x"
                        + "</div>".repeat(5_000) + "</body.content></body></nitf>"), "exceeds the limit \"256\""),
                Arguments.of("NewsML-G2 with no body", utf8("<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\" guid=\"g1\">"
                        + "<contentMeta><headline>Only a headline</headline></contentMeta></newsItem>"), "no readable article"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void isRefusedWithAClearReason(String kind, byte[] content, String reason) {
        assertThatThrownBy(() -> parser.parse(kind, content))
                .isInstanceOf(UnreadableDocumentException.class)
                .hasMessageContaining(reason);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readable")
    void isReadCorrectly(String kind, byte[] content, String headline, String text) throws Exception {
        ParsedArticle article = parser.parse(kind, content).getFirst();

        assertThat(article.headline()).isEqualTo(headline);
        assertThat(String.join("\n", article.paragraphs())).contains(text);
    }

    static Stream<Arguments> readable() {
        return Stream.of(
                Arguments.of("Latin-1 text", "Caf\u00e9 owners protest\n\nThe caf\u00e9 owners of S\u00e3o Paulo marched.".getBytes(ISO_8859_1),
                        "Café owners protest", "São Paulo"),
                Arguments.of("invalid UTF-8 (Windows-1252 quotes)", concat(utf8("Quotes\n\nHe said "), new byte[] {(byte) 0x93},
                        utf8("hello"), new byte[] {(byte) 0x94}, utf8(" to all.")), "Quotes", "He said \u201chello\u201d to all."),
                Arguments.of("UTF-16 with BOM", concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                        "Wide text\n\nWritten by a Windows tool.".getBytes(UTF_16LE)), "Wide text", "Written by a Windows tool."),
                Arguments.of("UTF-8 BOM before XML", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                        utf8("<rss version=\"2.0\"><channel>" + RSS_ITEM + "</channel></rss>")), "Good item", "Story text"),
                Arguments.of("external DTD is not fetched", utf8("<!DOCTYPE nitf SYSTEM \"http://127.0.0.1:9/nitf.dtd\"><nitf><body>"
                        + "<body.head><hedline><hl1>Offline</hl1></hedline></body.head><body.content><p>Read without the DTD.</p>"
                        + "</body.content></body></nitf>"), "Offline", "Read without the DTD."),
                Arguments.of("deeply nested HTML in a feed item", utf8("<rss version=\"2.0\"><channel><item><title>Deep</title>"
                        + "<description>" + "&lt;div&gt;".repeat(4_000) + "Nested text.</description></item></channel></rss>"),
                        "Deep", "Nested text."),
                Arguments.of("HTML fragment without html element", utf8("<p>Markets rallied on Tuesday as investors cheered "
                        + "the central bank decision, with shares up across the board.</p><p>Bonds fell.</p>"),
                        "Markets rallied on Tuesday as investors cheered the central bank decision, with shares up across the board.",
                        "Bonds fell."),
                Arguments.of("feed with undeclared HTML entities", utf8("<rss version=\"2.0\"><channel><item><title>Caf&eacute;"
                        + "&nbsp;news</title><description>Prices &amp; wages rose&hellip;</description></item></channel></rss>"),
                        "Café news", "Prices & wages rose…"),
                Arguments.of("HTML page with a stray NUL byte (a corrupt byte where it was saved)", concat(
                        utf8("<html><head><title>Stray byte</title></head><body><article><p>A page with one corrupt byte "
                                + "in the middle of its markup, and enough running text to be an article, really, as a"
                                + " browser shows it.</p><p>The rest of the story fol"), new byte[] {0}, utf8("lows it."
                                + "</p></article></body></html>")), "Stray byte", "The rest of the story follows it."),
                Arguments.of("HTML named .txt", utf8("<html><head><title>Page title</title></head><body><article><p>"
                        + "A page saved under the wrong name, with enough running text to be an article, really.</p></article>"
                        + "</body></html>"), "Page title", "saved under the wrong name"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneBadItem")
    void oneBadItemFailsAloneWithItsReason(String kind, byte[] content, String reason) throws Exception {
        ParsedDocument document = parser.read(kind, content);

        assertThat(document.articles()).extracting(ParsedArticle::headline).containsOnly("Good item");
        assertThat(document.failures()).singleElement().satisfies(failure -> assertThat(failure.reason()).contains(reason));
    }

    static Stream<Arguments> oneBadItem() {
        return Stream.of(
                Arguments.of("feed with one broken item", utf8("<rss version=\"2.0\"><channel>" + RSS_ITEM
                        + "<item><link>http://example.com/x</link></item>" + RSS_ITEM + "</channel></rss>"),
                        "neither a title nor text"),
                Arguments.of("JSON Lines with one broken line", utf8("{\"headline\":\"Good item\",\"body\":\"Story text.\"}\n"
                        + "{\"headline\": broken\n{\"headline\":\"Good item\",\"body\":\"More story text.\"}\n"), "malformed JSON line"),
                Arguments.of("JSON array with one empty object", utf8("[{\"headline\":\"Good item\",\"body\":\"Story text.\"},{}]"),
                        "JSON item has no body text"),
                Arguments.of("news message with a picture", utf8("<newsMessage xmlns=\"http://iptc.org/std/nar/2006-10-01/\"><itemSet>"
                        + "<newsItem guid=\"t\"><itemMeta><itemClass qcode=\"ninat:text\"/></itemMeta><contentMeta><headline>Good item"
                        + "</headline></contentMeta><contentSet><inlineXML><html><body><p>Story text.</p></body></html></inlineXML>"
                        + "</contentSet></newsItem><newsItem guid=\"p\"><itemMeta><itemClass qcode=\"ninat:picture\"/></itemMeta>"
                        + "</newsItem></itemSet></newsMessage>"), "ninat:picture item is not a text article"));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] controlCharacters() {
        byte[] bytes = new byte[400];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (1 + i % 8);
        }
        return bytes;
    }

    private static String billionLaughs() {
        StringBuilder doctype = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            doctype.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">");
        }
        return doctype + "]><rss version=\"2.0\"><channel><item><title>&lol9;</title></item></channel></rss>";
    }
}
