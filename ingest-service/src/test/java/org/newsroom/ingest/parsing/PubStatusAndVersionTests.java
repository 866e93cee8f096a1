package org.newsroom.ingest.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.newsroom.contracts.PubStatus;
import org.newsroom.contracts.Source;
import org.newsroom.contracts.SourceKind;
import org.newsroom.ingest.intake.Receipts;

/**
 * Each format's publishing status and version, read from real documents ({@code samples/formats}) and from the
 * correction and kill fixtures ({@code samples/corrections}): a kill needs only its guid, never a body.
 */
class PubStatusAndVersionTests {

    private static final Source FOLDER = new Source("inbox", SourceKind.folder, "file:///inbox");

    private final DocumentParser parser = new DocumentParser();

    @Test
    void newsMlG2CorrectionKeepsItsGuidAndRaisesItsVersion() throws Exception {
        ParsedArticle first = only("corrections/newsml-g2-quake-v1.xml");
        ParsedArticle correction = only("corrections/newsml-g2-quake-v2-correction.xml");

        assertThat(first.version()).isEqualTo(1);
        assertThat(correction.version()).isEqualTo(2);
        assertThat(correction.pubStatus()).isEqualTo(PubStatus.usable);
        assertThat(correction.headline()).isEqualTo("Magnitude 6.4 earthquake shakes northern Japan, injuring three");
        assertThat(correction.paragraphs()).anySatisfy(p -> assertThat(p).contains("revised the magnitude up to 6.4"));
        assertThat(Receipts.idOf(correction, FOLDER)).isEqualTo(Receipts.idOf(first, FOLDER));
    }

    @Test
    void newsMlG2CanceledItemWithoutContentIsAKillOfTheSameArticle() throws Exception {
        ParsedArticle kill = only("corrections/newsml-g2-quake-v3-kill.xml");

        assertThat(kill.pubStatus()).isEqualTo(PubStatus.canceled);
        assertThat(kill.version()).isEqualTo(3);
        assertThat(kill.paragraphs()).isEmpty();
        assertThat(Receipts.idOf(kill, FOLDER)).isEqualTo(Receipts.idOf(only("corrections/newsml-g2-quake-v1.xml"), FOLDER));
        assertThat(Receipts.received(kill, FOLDER, Instant.EPOCH).pubStatus()).isEqualTo(PubStatus.canceled);
    }

    @Test
    void newsMlG2AgencyItemsAreUsableAtTheirVersion() throws Exception {
        ParsedArticle reuters = read("formats/newsml-g2/agency-samples/reuters_tag_reuters.com_2016_newsml_L1N14N0FF_version_978556838.xml")
                .articles().getFirst();

        assertThat(reuters.pubStatus()).isEqualTo(PubStatus.usable);
        assertThat(reuters.version()).isEqualTo(978556838);
    }

    @Test
    void ninjsCorrectionAndWithheldItemCarryStatusAndVersion() throws Exception {
        ParsedArticle correction = only("corrections/ninjs-correction-v2.json");
        ParsedArticle withheld = only("corrections/ninjs-withheld.json");

        assertThat(correction.version()).isEqualTo(2);
        assertThat(correction.pubStatus()).isEqualTo(PubStatus.usable);
        assertThat(withheld.pubStatus()).isEqualTo(PubStatus.withheld);
        assertThat(withheld.version()).isEqualTo(4);
        assertThat(withheld.guid()).isEqualTo(correction.guid());
        assertThat(withheld.paragraphs()).isEmpty();
    }

    @Test
    void ninjsTestSuiteStatusesAreReadFromBareItems() throws Exception {
        ParsedArticle canceled = only("formats/ninjs/validation/test_suite/1.0/should_pass/023_pubstatus_canceled.json");
        ParsedArticle withheld = only("formats/ninjs/validation/test_suite/1.0/should_pass/022_pubstatus_withheld.json");

        assertThat(canceled.pubStatus()).isEqualTo(PubStatus.canceled);
        assertThat(canceled.guid()).isEqualTo("023_pubstatus_canceled");
        assertThat(withheld.pubStatus()).isEqualTo(PubStatus.withheld);
    }

    @Test
    void nitfKillWithoutBodyIsReadWithItsDocIdAndDuKeyVersion() throws Exception {
        ParsedArticle kill = only("corrections/nitf-kill.xml");

        assertThat(kill.pubStatus()).isEqualTo(PubStatus.canceled);
        assertThat(kill.guid()).isEqualTo("newsroom.example:20261122:NORFOLK-TIDES");
        assertThat(kill.version()).isEqualTo(2);
        assertThat(kill.headline()).isEqualTo("KILL: Norfolk tide update");
    }

    @Test
    void nitfManagementStatusAndDuKeyVersionOfRealDocuments() throws Exception {
        ParsedArticle fishing = only("formats/nitf/nitf-fishing.xml");
        ParsedArticle ntb = only("formats/nitf/nitf-ntb.xml");

        assertThat(fishing.pubStatus()).isEqualTo(PubStatus.canceled);
        assertThat(fishing.guid()).isEqualTo("iptc.321656141.b");
        assertThat(ntb.pubStatus()).isEqualTo(PubStatus.usable);
        assertThat(ntb.version()).isEqualTo(48);
    }

    @Test
    void submittedJsonMayCarryPubStatusAndVersion() throws Exception {
        ParsedArticle kill = submitted("{\"guid\": \"urn:example:42\", \"version\": 5, \"pubStatus\": \"canceled\"}");
        ParsedArticle correction = submitted("{\"guid\": \"urn:example:42\", \"version\": 2, \"headline\": \"Corrected\","
                + " \"body\": \"The corrected text of the story, long enough to be a paragraph.\"}");

        assertThat(kill.pubStatus()).isEqualTo(PubStatus.canceled);
        assertThat(kill.version()).isEqualTo(5);
        assertThat(correction.pubStatus()).isEqualTo(PubStatus.usable);
        assertThat(correction.version()).isEqualTo(2);
    }

    @Test
    void killWithoutGuidFailsWithTheReason() throws Exception {
        ParsedDocument read = parser.read("kill.json", "{\"pubstatus\": \"canceled\", \"headline\": \"KILL\"}"
                .getBytes(StandardCharsets.UTF_8));

        assertThat(read.articles()).isEmpty();
        assertThat(read.failures()).singleElement().satisfies(failure ->
                assertThat(failure.reason()).isEqualTo("a canceled item without a guid, uri or id names no article to take out"));
    }

    private ParsedArticle submitted(String json) throws UnreadableDocumentException {
        return parser.parse("article.json", json.getBytes(StandardCharsets.UTF_8)).getFirst();
    }

    private ParsedArticle only(String sample) throws UnreadableDocumentException {
        ParsedDocument document = read(sample);
        assertThat(document.failures()).isEmpty();
        assertThat(document.articles()).hasSize(1);
        return document.articles().getFirst();
    }

    private ParsedDocument read(String sample) throws UnreadableDocumentException {
        return parser.read(sample, Samples.bytes(sample));
    }
}
