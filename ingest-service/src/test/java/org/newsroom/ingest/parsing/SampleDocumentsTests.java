package org.newsroom.ingest.parsing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every real document in {@code samples/formats} either parses into articles with text, or is refused with a
 * clear reason, exactly as listed here: whole documents that cannot be read, and documents whose items all
 * fail (pictures, events, packages without their items), each item with its own reason.
 */
class SampleDocumentsTests {

    /** Documents refused as a whole, with the words their reason must contain. */
    static final Map<String, String> REFUSED = Map.ofEntries(
            Map.entry("feeds/feedjira_InvalidDateFormat.xml", "malformed XML at line 21"),
            Map.entry("feeds/rssparser_unrecognized.rss", "HTML page has no article text"),
            Map.entry("newsml-g2/agency-samples/reuters_tag_reuters.com_2014_newsml_KBN0FL0NM_version_10.xml",
                    "package only references its items"),
            Map.entry("newsml-g2/agency-samples/snep_newsmessage.xml", "package only references its items"),
            Map.entry("newsml-g2/iptc-examples/LISTING_23_SportsML-G2_Package.xml", "package only references its items"),
            Map.entry("newsml-g2/iptc-examples/LISTING_6_Simple_NewsML-G2_Package.xml", "package only references its items"),
            Map.entry("newsml-g2/iptc-examples/LISTING_25_An_NITF_marked-up_article_conveyed_in_inlineXML.xml",
                    "<contentSet> holds no item"),
            Map.entry("newsml-g2/iptc-examples/LISTING_28_Illustrating_Located_Subject_and_Dateline.xml",
                    "<contentMeta> holds no item"),
            Map.entry("ninjs/examples/NewsML/businesswire-newsml-20130515006361.xml", "unsupported XML document (root element <newsml>)"),
            Map.entry("ninjs/examples/NewsML/businesswire-newsml-20130605006126.xml", "unsupported XML document (root element <newsml>)"),
            Map.entry("ninjs/examples/NewsML/businesswire-newsml-20130612006110.xml", "unsupported XML document (root element <newsml>)"),
            Map.entry("ninjs/examples/NewsML/businesswire-newsml-20130731006140.xml", "unsupported XML document (root element <newsml>)"));

    /** Readable documents none of whose items is a text article. */
    static final Set<String> NO_ARTICLE = Set.of(
            "feeds/rssparser_incomplete-fields.atom",
            "feeds/feedjira_RSSWithComments.xml", // Hacker News: link-only items whose only text is a "Comments" link
            "newsml-g2/invalid/001_incomplete_file.xml",
            "newsml-g2/iptc-examples/LISTING_14_Event_sent_as_a_Concept_Item.xml",
            "newsml-g2/iptc-examples/LISTING_16_A_Set_of_Events_carried_in_a_News_Item.xml",
            "newsml-g2/iptc-examples/LISTING_18_Planning_Item_at_PCL.xml",
            "newsml-g2/iptc-examples/LISTING_1_A_NewsML-G2_News_Item.xml",
            "newsml-g2/iptc-examples/LISTING_21_A_complete_sample_SportsML-G2_document.xml",
            "newsml-g2/iptc-examples/LISTING_24_News_Message_conveying_a_complete_News_Package.xml",
            "newsml-g2/iptc-examples/LISTING_26_Embedded_photo_metadata_fields_mapped_to_NewsML-G2.xml",
            "newsml-g2/iptc-examples/LISTING_27_Company_Financial_Information.xml",
            "newsml-g2/iptc-examples/LISTING_29_Hop_History.xml",
            "newsml-g2/iptc-examples/LISTING_3_Photo_in_NewsML-G2.xml",
            "newsml-g2/iptc-examples/LISTING_5_Multi-part_Video_in_NewsML-G2.xml",
            "newsml-g2/iptc-examples/ap_metadata_example.xml",
            "ninjs/documentation/includes/examples/1.6/002_renditions_example.json", // body is only "..."
            "ninjs/documentation/includes/examples/2.2/002_renditions_example.json",
            "ninjs/documentation/includes/examples/3.1/002_renditions_example.json",
            "ninjs/documentation/includes/examples/1.6/006_photo_only.json",
            "ninjs/documentation/includes/examples/2.2/006_photo_only.json",
            "ninjs/documentation/includes/examples/3.1/006_photo_only.json",
            "ninjs/documentation/includes/examples/3.1/008_event.json",
            "ninjs/documentation/includes/examples/not-valid/008_extension.json",
            "ninjs/examples/1.4/ninjs-1-4-examples.json",
            "ninjs/examples/1.4/ninjsExSimplePhoto1.json",
            "ninjs/examples/2.1/ap_audio.json",
            "ninjs/examples/2.1/ap_image.json",
            "ninjs/examples/2.1/ap_video.json",
            "ninjs/examples/2.1/imageEncodedRights.json",
            "ninjs/examples/2.1/imageLinkedRights.json",
            "ninjs/examples/2.1/schema-extension/extension-schema.json",
            "ninjs/examples/3.0/20231004-UEFA-ChampionLeague.json",
            "ninjs/examples/3.0/20231005-65-addb-event.json",
            "ninjs/examples/3.0/ap_audio.json",
            "ninjs/examples/3.0/ap_image.json",
            "ninjs/examples/3.0/ap_video.json",
            "ninjs/examples/3.0/collection/20231016-event-timeline-sample.json",
            "ninjs/examples/3.0/imageEncodedRights.json",
            "ninjs/examples/3.0/imageLinkedRights.json",
            "ninjs/examples/3.0/simpleEvent.json");

    private final DocumentParser parser = new DocumentParser();

    static Stream<String> documents() throws IOException {
        Path formats = Samples.path("formats");
        return Stream.of("feeds", "newsml-g2", "nitf", "ninjs/examples", "ninjs/documentation", "ninjs/graphql", "html/pages")
                .flatMap(folder -> walk(formats.resolve(folder)))
                .filter(path -> !path.toString().contains("/schema/") && !path.toString().endsWith(".md"))
                .map(path -> formats.relativize(path).toString())
                .sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void parsesIntoArticlesOrIsRefusedWithAReason(String document) throws Exception {
        byte[] content = Samples.bytes("formats/" + document);
        String name = Path.of(document).getFileName().toString();
        if (REFUSED.containsKey(document)) {
            assertThatThrownBy(() -> parser.read(name, content))
                    .isInstanceOf(UnreadableDocumentException.class).hasMessageContaining(REFUSED.get(document));
            return;
        }
        ParsedDocument read = parser.read(name, content);
        assertThat(read.failures()).allSatisfy(failure -> assertThat(failure.reason()).isNotBlank());
        if (NO_ARTICLE.contains(document)) {
            assertThat(read.articles()).isEmpty();
            assertThat(read.failures()).isNotEmpty();
            assertThatThrownBy(() -> parser.parse(name, content)).hasMessageStartingWith("no readable article: item ");
            return;
        }
        assertThat(read.articles()).isNotEmpty().allSatisfy(article -> {
            assertThat(article.headline()).isNotBlank();
            assertThat(article.paragraphs()).isNotEmpty().allSatisfy(paragraph -> assertThat(paragraph).isNotBlank());
            assertThat(String.join(" ", article.paragraphs())).doesNotContain("Ã¥", "Â£", "\uFFFD");
        });
    }

    private static Stream<Path> walk(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).toList().stream();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
