package org.newsroom.query.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.List;
import org.apache.hc.client5.http.DnsResolver;
import org.junit.jupiter.api.Test;
import org.newsroom.contracts.Extraction;
import org.newsroom.outbound.Destinations;
import org.newsroom.outbound.OutboundPolicy;
import org.newsroom.query.language.FilterValues;

class AlertRequestTests {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    /** The outbound guard's defaults, with {@code hooks.intranet.example} resolving to a private address. */
    private static final Destinations GUARDED = destinations(List.of());

    @Test
    void becomesAnAlertWithTrimmedFieldsAndBlanksLeftOut() {
        Alert alert = new AlertRequest(" Venezuela watch ", "venezuela -football", "", "AP", null, " ", null, null,
                "http://127.0.0.1:9999/hook").toAlert("a1", NOW, "desk");

        assertThat(alert).isEqualTo(new Alert("a1", "Venezuela watch", "venezuela -football",
                new FilterValues(null, "AP", null, null, null, null), URI.create("http://127.0.0.1:9999/hook"), NOW, "desk"));
    }

    @Test
    void acceptsAFilterWithoutAQuery() {
        assertThat(new AlertRequest("All sport", null, "sport", null, null, null, null, null, null).toAlert("a2", NOW, "desk")
                .filters().tag()).isEqualTo("sport");
    }

    @Test
    void savesAWatchForWeakExtractionsWithoutAQuery() {
        Alert alert = new AlertRequest("Weak pages", null, null, null, null, null, "LargestBlock", 0.5, null)
                .toAlert("a5", NOW, "desk");

        assertThat(alert.filters().extraction()).isEqualTo(Extraction.Method.largestBlock);
        assertThat(alert.filters().extractionConfidenceBelow()).isEqualTo(0.5);
    }

    @Test
    void refusesAnUnknownExtractionMethodAndAConfidenceBoundOutsideZeroToOne() {
        assertThatThrownBy(() -> new AlertRequest("n", "x", null, null, null, null, "fallback", 2.0, null).toAlert("a6", NOW, "desk"))
                .isInstanceOfSatisfying(InvalidAlertException.class, e -> assertThat(e.problems()).containsExactly(
                        "extraction must be one of articleBody, scoredBlock, jsonLd, largestBlock, openGraph",
                        "extractionConfidenceBelow must be a number from 0 to 1"));
    }

    @Test
    void refusesUnusableFiltersInTheOrderOfTheFieldsWithoutAlsoAskingForOne() {
        assertThatThrownBy(() -> new AlertRequest("n", null, "t".repeat(201), null, null, null, "fallback", null, null)
                .toAlert("a7", NOW, "desk"))
                .isInstanceOfSatisfying(InvalidAlertException.class, e -> assertThat(e.problems()).containsExactly(
                        "tag is too long or has control characters",
                        "extraction must be one of articleBody, scoredBlock, jsonLd, largestBlock, openGraph"));
    }

    @Test
    void listsEveryProblemOfAnUnusableRequest() {
        assertThatThrownBy(() -> new AlertRequest(null, " ", null, null, null, null, null, null, "ftp://example.org/x").toAlert("a3", NOW, "desk"))
                .isInstanceOfSatisfying(InvalidAlertException.class, e -> assertThat(e.problems()).containsExactlyInAnyOrder(
                        "name is required",
                        "a query or at least one of tag, source, agency, language, extraction, extractionConfidenceBelow is required",
                        "webhook must be an absolute http or https URL"));
    }

    @Test
    void refusesOverlongFieldsAndRelativeWebhooks() {
        assertThatThrownBy(() -> new AlertRequest("n", "q".repeat(1001), null, null, null, null, null, null, "/hook").toAlert("a4", NOW, "desk"))
                .isInstanceOfSatisfying(InvalidAlertException.class, e -> assertThat(e.problems()).containsExactly(
                        "query is too long or has control characters",
                        "webhook must be an absolute http or https URL"));
    }

    @Test
    void refusesAWebhookOnAnInternalAddressSayingWhichAndHowToAllowIt() {
        assertThatThrownBy(() -> withWebhook("http://127.0.0.1:9200/articles/_doc").checkWebhookDestination(GUARDED))
                .isInstanceOfSatisfying(InvalidAlertException.class, e -> assertThat(e.problems()).containsExactly(
                        "webhook address 127.0.0.1 is internal (loopback); allow it with alerts.webhook-allow"));
        assertThatThrownBy(() -> withWebhook("http://169.254.169.254/latest/meta-data/").checkWebhookDestination(GUARDED))
                .isInstanceOfSatisfying(InvalidAlertException.class, e -> assertThat(e.problems()).containsExactly(
                        "webhook address 169.254.169.254 is internal (link-local); allow it with alerts.webhook-allow"));
        assertThatThrownBy(() -> withWebhook("https://[::1]/hook").checkWebhookDestination(GUARDED))
                .isInstanceOf(InvalidAlertException.class);
    }

    @Test
    void refusesAWebhookWhoseNameResolvesOnlyToInternalAddresses() {
        assertThatThrownBy(() -> withWebhook("https://hooks.intranet.example/alerts").checkWebhookDestination(GUARDED))
                .isInstanceOfSatisfying(InvalidAlertException.class, e -> assertThat(e.problems()).containsExactly(
                        "webhook host hooks.intranet.example resolves only to refused addresses: 10.20.30.40 is internal "
                                + "(private); allow it with alerts.webhook-allow"));
    }

    @Test
    void acceptsAnInternalWebhookTheAllowListNames() {
        withWebhook("http://127.0.0.1:9999/hook").checkWebhookDestination(destinations(List.of("127.0.0.1/32")));
        withWebhook("https://hooks.intranet.example/alerts").checkWebhookDestination(destinations(List.of("hooks.intranet.example")));
    }

    @Test
    void leavesAMalformedWebhookToTheOtherChecks() {
        withWebhook("ftp://127.0.0.1/x").checkWebhookDestination(GUARDED);
        withWebhook("/hook").checkWebhookDestination(GUARDED);
    }

    private static AlertRequest withWebhook(String webhook) {
        return new AlertRequest("Watch", "venezuela", null, null, null, null, null, null, webhook);
    }

    private static Destinations destinations(List<String> allow) {
        DnsResolver dns = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                return host.equals("hooks.intranet.example") ? new InetAddress[] {InetAddress.getByName("10.20.30.40")}
                        : InetAddress.getAllByName(host);
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host;
            }
        };
        return new Destinations(OutboundPolicy.allowing(allow), dns);
    }
}
