package org.newsroom.ingest.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsroom.contracts.Dateline;
import org.newsroom.contracts.Extraction;
import org.newsroom.contracts.Source;
import org.newsroom.contracts.SourceKind;
import org.newsroom.ingest.intake.Receipts;

/** Real field values read from real documents of each format. */
class FormatSpotChecksTests {

    private final DocumentParser parser = new DocumentParser();

    @Test
    void rssItemsCarryTheirFullContentEncodedText() throws Exception {
        ParsedDocument feed = read("feeds/feedjira_TechCrunch.xml");

        assertThat(feed.format()).isEqualTo("rss");
        assertThat(feed.articles()).hasSize(20);
        ParsedArticle first = feed.articles().getFirst();
        assertThat(first.headline()).isEqualTo("Angie’s List Sets Price Range IPO At $11 To $13 Per Share; Valued At Over $600M");
        assertThat(first.byline()).isEqualTo("Leena Rao");
        assertThat(first.publishedAt()).isEqualTo(Instant.parse("2011-11-02T17:25:27Z"));
        assertThat(first.paragraphs()).hasSizeGreaterThan(3);
        assertThat(first.url()).startsWith("http").doesNotContain("utm_");
    }

    @Test
    void feedBoilerplateIsRemovedAndLinkOnlyItemsFailWithTheReason() throws Exception {
        ParsedDocument guardian = read("feeds/rssparser_guardian.rss");
        ParsedDocument hackerNews = read("feeds/feedjira_RSSWithComments.xml");

        assertThat(guardian.articles()).hasSize(55).allSatisfy(article -> {
            assertThat(article.paragraphs()).doesNotContain("Continue reading...");
            assertThat(article.removed()).contains(new org.newsroom.contracts.Removal("Continue reading...", "boilerplate"));
        });
        assertThat(hackerNews.articles()).isEmpty();
        assertThat(hackerNews.failures()).hasSize(30).allSatisfy(failure ->
                assertThat(failure.reason()).isEqualTo("no text left after cleaning: only boilerplate"));
    }

    @Test
    void latin1FeedWithoutDeclarationIsDecoded() throws Exception {
        ParsedDocument feed = read("feeds/rssparser_uolNoticias.rss");

        assertThat(feed.articles().getFirst().headline())
                .isEqualTo("Ibope: Bolsonaro perde de Haddad, Ciro e Alckmin em simulações de 2º turno");
        assertThat(feed.failures()).allSatisfy(failure -> assertThat(failure.reason()).isEqualTo("feed item has a title but no text"));
    }

    @Test
    void atomFeedWithUndeclaredPrefixIsRead() throws Exception {
        ParsedDocument feed = read("feeds/feedjira_PaulDixExplainsNothingWFW.xml");

        assertThat(feed.format()).isEqualTo("atom");
        assertThat(feed.articles()).hasSize(5);
        assertThat(feed.articles().getFirst().headline()).isEqualTo("Making a Ruby C library even faster");
    }

    @Test
    void newsMessageYieldsOneArticlePerTextItemWithGuid() throws Exception {
        ParsedDocument message = read("newsml-g2/agency-samples/ap_newsmessage.xml");

        assertThat(message.articles()).extracting(ParsedArticle::guid).containsExactly(
                "tag:ap.org,2011:5e565888b587889c5c8bd62b6164118c-text",
                "tag:ap.org,2011:b6d5d4eb781939b5fe8722f3fba28ee2-text",
                "tag:ap.org,2011:4db5f9c37aac8924db872ba5a7e287e6-text");
        ParsedArticle first = message.articles().getFirst();
        assertThat(first.headline()).isEqualTo("Nutrisystem beats 4Q earnings and revenue expectations");
        assertThat(first.dateline()).isEqualTo(new Dateline("Pittsburgh", "AP"));
        assertThat(first.publishedAt()).isEqualTo(Instant.parse("2018-02-26T21:20:36Z"));
    }

    @Test
    void newsItemWithPlainTextDataKeepsProviderAndVersion() throws Exception {
        ParsedArticle ansa = read("newsml-g2/agency-samples/ansa_newsmlg2_text.xml").articles().getFirst();

        assertThat(ansa.headline()).isEqualTo("Catalan independence declaration unacceptable - Alfano");
        assertThat(ansa.guid()).isEqualTo("tag:ansa.it,2017-10-11:40e5fb1034e7e2b21942ea09718fc85a");
        assertThat(ansa.version()).isEqualTo(1);
        assertThat(ansa.dateline()).isEqualTo(new Dateline("Rome", "ANSA"));
        assertThat(ansa.publishedAt()).isEqualTo(Instant.parse("2017-10-11T09:41:00Z"));
    }

    @Test
    void packageWithTextAndPictureYieldsTheTextAndFailsThePicture() throws Exception {
        ParsedDocument tt = read("newsml-g2/agency-samples/TT_newsmlg2_sample.xml");

        assertThat(tt.articles()).singleElement().satisfies(article -> {
            assertThat(article.headline()).isEqualTo("Jan Guillou skriver på ny \"Hamilton\"-bok");
            assertThat(article.language()).isEqualTo("sv");
        });
        assertThat(tt.failures()).singleElement().satisfies(failure ->
                assertThat(failure.reason()).isEqualTo("ninat:picture item is not a text article"));
    }

    @Test
    void nitfGivesHeadlineBylineDatelineAndIssueDate() throws Exception {
        ParsedArticle ap = read("nitf/ap-nitf.xml").articles().getFirst();

        assertThat(ap.headline()).isEqualTo("Can trading pollution like stocks help fight climate change?");
        assertThat(ap.byline()).isEqualTo("BERNARD CONDON");
        assertThat(ap.dateline()).isEqualTo(new Dateline("New York", "AP"));
        assertThat(ap.publishedAt()).isEqualTo(Instant.parse("2015-12-10T19:10:44Z"));
        assertThat(ap.paragraphs().getFirst()).startsWith("NEW YORK (AP) — The gas produced by hog manure");
    }

    @Test
    void nitfDeclaredLatin1ButWrittenInUtf8ReadsWithoutMojibake() throws Exception {
        assertThat(read("nitf/pa4.xml").articles().getFirst().paragraphs()).anyMatch(p -> p.contains("£25 million"));
        assertThat(read("nitf/mapping_test.xml").articles().getFirst().paragraphs()).anyMatch(p -> p.contains("41-årig"));
        assertThat(read("nitf/pa5.xml").articles().getFirst().headline()).contains("£66BN");
    }

    @Test
    void nitfWithMissingDtdIsReadWithoutFetchingIt() throws Exception {
        ParsedArticle fishing = read("nitf/nitf-fishing.xml").articles().getFirst();

        assertThat(fishing.headline()).isEqualTo("Weather and Tide Updates for Norfolk");
        assertThat(fishing.guid()).isEqualTo("iptc.321656141.b");
    }

    @Test
    void ninjsVersionsNameTheSameFieldsDifferently() throws Exception {
        for (String example : List.of("ninjs/examples/1.4/ninjsExSimpleText1.json", "ninjs/examples/2.1/ninjsExSimpleText_2.json",
                "ninjs/examples/3.0/ninjsExSimpleText_3.json")) {
            ParsedArticle article = read(example).articles().getFirst();
            assertThat(article.format()).as(example).isEqualTo("ninjs");
            assertThat(article.headline()).as(example).isEqualTo("Captain of wrecked cruise ship on trial in Italy");
            assertThat(article.byline()).as(example).isEqualTo("Paulo Santalucia and Frances d'Emilio");
            assertThat(article.publishedAt()).as(example).isEqualTo(Instant.parse("2013-07-09T10:37:00Z"));
            assertThat(article.paragraphs().getFirst()).as(example).startsWith("GROSSETO, Italy (AP)");
            assertThat(article.dateline().agency()).as(example).isEqualTo("AP");
        }
    }

    @Test
    void ninjsArrayYieldsItsTextItemsAndFailsItsPictures() throws Exception {
        ParsedDocument data = read("ninjs/graphql/data.json");

        assertThat(data.articles()).hasSize(17);
        assertThat(data.failures()).hasSize(6).allSatisfy(failure -> assertThat(failure.reason()).endsWith("item has no body text"));
    }

    @Test
    void htmlPageGivesMainTextAndMetadata() throws Exception {
        ParsedArticle reuters = read("html/pages/57d46c9d751e3fd3ffaf3ede7ac20cebd30eacb5ea78e1a6aa0a72059244e7ca.html")
                .articles().getFirst();

        assertThat(reuters.headline()).isEqualTo("Oversupply angst drags oil lower, stocks drift near highs");
        assertThat(reuters.byline()).isEqualTo("Rodrigo Campos");
        assertThat(reuters.dateline()).isEqualTo(new Dateline("New York", "Reuters"));
        assertThat(reuters.language()).isEqualTo("en");
        assertThat(reuters.url()).startsWith("https://www.reuters.com/article/");
        assertThat(reuters.extraction().method()).as("no articleBody mark, a long scored block")
                .isEqualTo(Extraction.Method.scoredBlock);
        assertThat(reuters.extraction().confidence()).isGreaterThan(0.8);
        assertThat(Receipts.received(reuters, new Source("inbox", SourceKind.folder, null), Instant.EPOCH).extraction())
                .as("the event carries it").isEqualTo(reuters.extraction());
    }

    @Test
    void jsonFeedItemsAreArticles() throws Exception {
        byte[] feed = """
                {"version": "https://jsonfeed.org/version/1.1", "title": "Wire", "items": [
                  {"id": "urn:wire:1", "url": "https://example.com/1?utm_source=feed", "title": "Rates rise",
                   "content_html": "<p>BERLIN, July 5 (Reuters) - Rates rose.</p><p>Markets fell.</p>",
                   "date_published": "2019-07-05T08:00:00+02:00", "authors": [{"name": "Jane Doe"}]},
                  {"id": "urn:wire:2", "title": "Only a title"}]}
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8);

        ParsedDocument read = parser.read("feed.json", feed);

        assertThat(read.articles()).singleElement().satisfies(article -> {
            assertThat(article.guid()).isEqualTo("urn:wire:1");
            assertThat(article.url()).isEqualTo("https://example.com/1");
            assertThat(article.paragraphs()).containsExactly("BERLIN, July 5 (Reuters) - Rates rose.", "Markets fell.");
            assertThat(article.publishedAt()).isEqualTo(Instant.parse("2019-07-05T06:00:00Z"));
            assertThat(article.byline()).isEqualTo("Jane Doe");
            assertThat(article.dateline()).isEqualTo(new Dateline("Berlin", "Reuters"));
        });
        assertThat(read.failures()).singleElement().satisfies(failure ->
                assertThat(failure.item()).isEqualTo("item 2 (Only a title)"));
    }

    private ParsedDocument read(String document) throws UnreadableDocumentException {
        return parser.read(document, Samples.bytes("formats/" + document));
    }
}
