package org.newsroom.enrich.streams;

import static org.newsroom.enrich.streams.EnrichmentTopology.serde;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.contracts.Dedup;
import org.newsroom.contracts.DedupStatus;
import org.newsroom.enrich.dedup.Bucket;
import org.newsroom.enrich.dedup.Decision;
import org.newsroom.enrich.dedup.Fingerprint;
import org.newsroom.enrich.dedup.Match;
import org.newsroom.enrich.dedup.Verification.Similarity;

/**
 * Compact binary serdes for the dedup topology's internal records (repartition topics and stores). They are
 * read and written many times per article, where JSON cost most of enrich-service's CPU (a fingerprint's 128
 * signature values parsed as text on every bucket lookup). Only this topology reads them; the public topics
 * stay JSON. Each value starts with a format byte, so a record of another format fails loudly.
 */
final class DedupSerdes {

    private static final byte FORMAT = 1;
    private static final byte ARRIVED = 1;
    private static final byte CHECKED = 2;
    private static final byte MATCHED = 3;
    private static final DedupStatus[] STATUSES = DedupStatus.values();

    private DedupSerdes() {
    }

    static Serde<Fingerprint> fingerprints() {
        return of(DedupSerdes::write, DedupSerdes::readFingerprint);
    }

    static Serde<BucketEntries> bucketEntries() {
        return of((out, entries) -> {
            out.writeShort(entries.partition());
            out.writeShort(entries.buckets().size());
            for (Bucket bucket : entries.buckets()) {
                out.writeShort(bucket.index());
                out.writeLong(bucket.value());
            }
            write(out, entries.fingerprint());
        }, in -> {
            int partition = in.readUnsignedShort();
            int size = in.readUnsignedShort();
            List<Bucket> buckets = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                buckets.add(new Bucket(in.readUnsignedShort(), in.readLong()));
            }
            return new BucketEntries(partition, buckets, readFingerprint(in));
        });
    }

    static Serde<DecisionInput> decisionInputs() {
        return of((out, input) -> {
            switch (input) {
                case DecisionInput.Arrived arrived -> {
                    out.writeByte(ARRIVED);
                    write(out, arrived.fingerprint());
                    write(out, arrived.article());
                }
                case DecisionInput.Checked checked -> {
                    out.writeByte(CHECKED);
                    out.writeShort(checked.buckets());
                    out.writeInt(checked.matches().size());
                    for (Match match : checked.matches()) {
                        write(out, match);
                    }
                }
                case DecisionInput.Matched matched -> {
                    out.writeByte(MATCHED);
                    write(out, matched.match());
                }
            }
        }, in -> switch (in.readByte()) {
            case ARRIVED -> {
                Fingerprint fingerprint = readFingerprint(in);
                yield new DecisionInput.Arrived(readArticle(in), fingerprint);
            }
            case CHECKED -> {
                int buckets = in.readUnsignedShort();
                int size = in.readInt();
                List<Match> matches = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    matches.add(readMatch(in));
                }
                yield new DecisionInput.Checked(buckets, matches);
            }
            case MATCHED -> new DecisionInput.Matched(readMatch(in));
            default -> throw new SerializationException("unknown dedup decision input type");
        });
    }

    static Serde<ArticleDecision> articleDecisions() {
        return of((out, state) -> {
            write(out, state.decision());
            out.writeLong(state.arrivedAt());
            out.writeShort(state.uncheckedBuckets());
            write(out, state.article());
        }, in -> {
            Decision decision = readDecision(in);
            long arrivedAt = in.readLong();
            int unchecked = in.readShort();
            return new ArticleDecision(readArticle(in), decision, arrivedAt, unchecked);
        });
    }

    /**
     * An enriched article kept as its JSON (the {@code articles.enriched.v1} encoding) while the decision step
     * holds it: its bucket reports update the count many times, and only the emitted article needs parsing.
     * Its version is kept beside it, since the decision step compares versions on every arrival.
     */
    record EncodedArticle(int version, byte[] json) {

        private static final Serde<ArticleEnriched> JSON = serde(ArticleEnriched.class);

        static EncodedArticle of(ArticleEnriched article) {
            return new EncodedArticle(article.version(), JSON.serializer().serialize(null, article));
        }

        ArticleEnriched decoded() {
            return JSON.deserializer().deserialize(null, json);
        }
    }

    private interface Writer<T> {
        void write(DataOutputStream out, T value) throws IOException;
    }

    private interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    /** Bounded like every record the topology writes ({@link RecordLimit}). */
    private static <T> Serde<T> of(Writer<T> writer, Reader<T> reader) {
        return RecordLimit.values(Serdes.serdeFrom((topic, value) -> {
            if (value == null) {
                return null;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeByte(FORMAT);
                writer.write(out, value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes.toByteArray();
        }, (topic, data) -> {
            if (data == null) {
                return null;
            }
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
                if (in.readByte() != FORMAT) {
                    throw new SerializationException("not a dedup record of format " + FORMAT + " (topic " + topic + ")");
                }
                return reader.read(in);
            } catch (IOException e) {
                throw new SerializationException("truncated dedup record (topic " + topic + ")", e);
            }
        }));
    }

    private static void write(DataOutputStream out, Fingerprint f) throws IOException {
        out.writeUTF(f.articleId());
        writeInstant(out, f.publishedAt());
        out.writeLong(f.contentHash());
        out.writeInt(f.shingleCount());
        int[] signature = f.signature();
        out.writeShort(signature.length);
        for (int value : signature) {
            out.writeInt(value);
        }
    }

    private static Fingerprint readFingerprint(DataInputStream in) throws IOException {
        String articleId = in.readUTF();
        Instant publishedAt = readInstant(in);
        long contentHash = in.readLong();
        int shingleCount = in.readInt();
        int[] signature = new int[in.readUnsignedShort()];
        for (int i = 0; i < signature.length; i++) {
            signature[i] = in.readInt();
        }
        return new Fingerprint(articleId, publishedAt, contentHash, shingleCount, signature);
    }

    private static void write(DataOutputStream out, Match match) throws IOException {
        out.writeUTF(match.articleId());
        out.writeUTF(match.otherId());
        writeInstant(out, match.otherPublishedAt());
        Similarity s = match.similarity();
        out.writeByte(s.status().ordinal());
        out.writeDouble(s.similarity());
        out.writeDouble(s.containment());
        out.writeUTF(s.method());
    }

    private static Match readMatch(DataInputStream in) throws IOException {
        String articleId = in.readUTF();
        String otherId = in.readUTF();
        Instant otherPublishedAt = readInstant(in);
        return new Match(articleId, otherId, otherPublishedAt,
                new Similarity(STATUSES[in.readByte()], in.readDouble(), in.readDouble(), in.readUTF()));
    }

    private static void write(DataOutputStream out, Decision decision) throws IOException {
        out.writeUTF(decision.articleId());
        Dedup d = decision.dedup();
        out.writeByte(d.status().ordinal());
        out.writeUTF(d.canonicalId());
        out.writeDouble(d.similarity());
        out.writeDouble(d.containment());
        out.writeUTF(d.method());
        writeInstant(out, decision.canonicalPublishedAt());
    }

    private static Decision readDecision(DataInputStream in) throws IOException {
        String articleId = in.readUTF();
        Dedup dedup = new Dedup(STATUSES[in.readByte()], in.readUTF(), in.readDouble(), in.readDouble(), in.readUTF());
        return new Decision(articleId, dedup, readInstant(in));
    }

    private static void writeInstant(DataOutputStream out, Instant instant) throws IOException {
        out.writeLong(instant.getEpochSecond());
        out.writeInt(instant.getNano());
    }

    private static Instant readInstant(DataInputStream in) throws IOException {
        return Instant.ofEpochSecond(in.readLong(), in.readInt());
    }

    private static void write(DataOutputStream out, EncodedArticle article) throws IOException {
        out.writeInt(article.version());
        out.writeInt(article.json().length);
        out.write(article.json());
    }

    private static EncodedArticle readArticle(DataInputStream in) throws IOException {
        int version = in.readInt();
        byte[] json = new byte[in.readInt()];
        in.readFully(json);
        return new EncodedArticle(version, json);
    }
}
