package org.newsroom.enrich.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.fory.Fory;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.contracts.ArticleReceived;
import org.newsroom.contracts.Dateline;
import org.newsroom.contracts.Dedup;
import org.newsroom.contracts.DedupStatus;
import org.newsroom.contracts.Entity;
import org.newsroom.contracts.EntityType;
import org.newsroom.contracts.Extraction;
import org.newsroom.contracts.PubStatus;
import org.newsroom.contracts.Removal;
import org.newsroom.contracts.Source;
import org.newsroom.contracts.SourceKind;
import org.newsroom.contracts.Tag;
import org.newsroom.enrich.Enricher;
import org.newsroom.enrich.ServiceDefaults;
import org.newsroom.enrich.entities.Recognised;

class DraftEncodingTests {

    private static final Instant PUBLISHED = Instant.parse("2019-05-06T12:00:00.123456789Z");

    private final Enricher enricher = ServiceDefaults.enricher("test", ServiceDefaults.tagging("draft-encoding-rules.yaml"));

    @Test
    void readsBackADraftWithEveryFieldSetAndTheNamesItsMemoRecognised() {
        ArticleReceived seed = Articles.seeds().get(2);
        ArticleReceived full = new ArticleReceived(UUID.randomUUID(), PUBLISHED, seed.articleId(), 3,
                new Source("wire", SourceKind.feed, "https://example.org/feed"), "html", "https://example.org/a",
                "guid-1", seed.headline(), seed.paragraphs(), PUBLISHED, "By A. Writer",
                new Dateline("MOSCOW", "Reuters"), "en", List.of(new Removal("Subscribe now", "boilerplate")),
                PubStatus.usable, "corr-1", new Extraction(Extraction.Method.jsonLd, 0.75));
        Enricher.Draft rich = enricher.draft(full);
        assertThat(rich.article().tags()).isNotEmpty();
        assertThat(rich.article().entities()).isNotEmpty();
        assertThat(rich.memo().recognised().mentions()).isNotEmpty();

        assertThat(DraftEncoding.decoded(DraftEncoding.encoded(rich.article()), ArticleEnriched.class))
                .isEqualTo(rich.article());
        assertThat(DraftEncoding.decoded(DraftEncoding.encoded(rich.memo()), Enricher.Memo.class))
                .isEqualTo(rich.memo());
    }

    @Test
    void takesAboutTheBytesOfJsonOrFewerForTextBeyondLatin1() {
        assertThat(Articles.seeds()).as("the seeds hold curly quotes and dashes")
                .allMatch(seed -> seed.paragraphs().stream().anyMatch(p -> p.chars().anyMatch(c -> c > 0xFF)));
        for (ArticleReceived seed : Articles.seeds()) {
            ArticleEnriched article = enricher.draft(seed).article();
            // UTF-16 (two bytes a character) would take up to 1.4x the JSON on these seeds.
            assertThat(DraftEncoding.encoded(article)).as(seed.articleId())
                    .hasSizeLessThan(InternalSerdes.json(article).length * 105 / 100);
        }
    }

    /** A contract record as an earlier release had it: one field fewer than {@link Dateline}. */
    record DatelineBefore(String location) {
    }

    /** A contract record as a later release may have it: one field more than {@link Dateline}. */
    record DatelineAfter(String location, String agency, String country) {
    }

    /** {@link PubStatus} as a release that ordered its values otherwise. */
    enum StatusReordered { canceled, usable, withheld }

    @Test
    void readsAContractRecordThatGainedOrLostAFieldSinceItWasWritten() {
        int id = DraftEncoding.idOf(Dateline.class);

        Dateline fromBefore = DraftEncoding.decoded(writer(DatelineBefore.class, id)
                .serialize(new DatelineBefore("MOSCOW")), Dateline.class);
        Dateline fromAfter = DraftEncoding.decoded(writer(DatelineAfter.class, id)
                .serialize(new DatelineAfter("MOSCOW", "Reuters", "RU")), Dateline.class);

        assertThat(fromBefore).isEqualTo(new Dateline("MOSCOW", null));
        assertThat(fromAfter).isEqualTo(new Dateline("MOSCOW", "Reuters"));
    }

    @Test
    void readsAnEnumValueByItsNameWhereverAReleasePlacedIt() {
        byte[] written = writer(StatusReordered.class, DraftEncoding.idOf(PubStatus.class))
                .serialize(StatusReordered.withheld);

        assertThat(DraftEncoding.decoded(written, PubStatus.class)).isEqualTo(PubStatus.withheld);
    }

    @Test
    void refusesAClassItDoesNotRegister() {
        Fory anyClass = DraftEncoding.configured().requireClassRegistration(false).build();
        byte[] byName = anyClass.serialize(new DatelineAfter("MOSCOW", "Reuters", "RU"));
        byte[] byOtherId = writer(DatelineAfter.class, 999).serialize(new DatelineAfter("MOSCOW", "Reuters", "RU"));

        assertThatThrownBy(() -> DraftEncoding.decoded(byName, Object.class))
                .isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> DraftEncoding.decoded(byOtherId, Object.class))
                .isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> DraftEncoding.decoded(DraftEncoding.encoded(enricher.draft(Articles.seeds().getFirst())
                .memo()), ArticleEnriched.class)).isInstanceOf(SerializationException.class).hasMessageContaining("Memo");
    }

    @Test
    void registersEveryRecordAndEnumADraftOrItsMemoCanHold() {
        Set<Class<?>> reachable = new LinkedHashSet<>();
        Deque<Type> pending = new ArrayDeque<>(List.of(ArticleEnriched.class, Enricher.Memo.class));
        while (!pending.isEmpty()) {
            Type type = pending.pop();
            if (type instanceof ParameterizedType generic) {
                pending.addAll(List.of(generic.getActualTypeArguments()));
            } else if (type instanceof Class<?> c && c.getName().startsWith("org.newsroom.") && reachable.add(c)
                    && c.isRecord()) {
                for (RecordComponent component : c.getRecordComponents()) {
                    pending.push(component.getGenericType());
                }
            }
        }

        assertThat(reachable).hasSizeGreaterThan(10);
        assertThat(DraftEncoding.REGISTERED).containsAll(reachable);
    }

    @Test
    void keepsEveryClassUnderTheIdItWasFirstWrittenWith() {
        // Written into every stored record: a class moved in the list would read another's records.
        assertThat(DraftEncoding.REGISTERED).extracting(DraftEncoding::idOf).containsExactly(
                100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112, 113, 114, 115);
        assertThat(DraftEncoding.REGISTERED.subList(0, 16)).containsExactly(ArticleEnriched.class, Source.class,
                SourceKind.class, Dateline.class, Removal.class, PubStatus.class, Tag.class, Entity.class,
                EntityType.class, Dedup.class, DedupStatus.class, Extraction.class, Extraction.Method.class,
                Enricher.Memo.class, Recognised.class, Recognised.Mention.class);
    }

    /** Fory as {@link DraftEncoding} configures it, writing {@code type} under {@code id}. */
    private static Fory writer(Class<?> type, int id) {
        Fory fory = DraftEncoding.configured().build();
        fory.register(type, id);
        return fory;
    }
}
