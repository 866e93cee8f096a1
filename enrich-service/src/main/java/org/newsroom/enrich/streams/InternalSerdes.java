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
import org.newsroom.contracts.PubStatus;
import org.newsroom.contracts.Tag;
import org.newsroom.enrich.Enricher;
import org.newsroom.enrich.corrections.LastVersion;
import org.newsroom.enrich.dedup.Fingerprint;

/**
 * Compact binary serdes for the topology's internal records (the findings topic, the held-articles store and the
 * version gate's article-versions store): a fingerprint's 128 signature values as text cost more to parse than the
 * rest of the record. Only this topology reads them; the public topics stay JSON. Each value starts with a format
 * byte, so a record of an unknown format fails loudly.
 *
 * <p>The drafted article and its memo inside the findings and held records are binary too ({@link DraftEncoding},
 * format 5). A record of format 4, with them as JSON inside, as an earlier release wrote it, is still read
 * (transcoded each time it is read, until it leaves the window), so an upgrade needs no application reset.
 * {@code article-versions} keeps format 4 (its layout did not change, so the release before reads it too), and the
 * JSON a release before that wrote there is still read ({@link #versions()}): it starts with '{', never a format
 * byte.
 *
 * <p>Nothing is compressed one by one: the producer compresses each commit's records of a partition as one zstd
 * batch ({@code producer.compression.type}), which finds the words an article shares with its memo and the field
 * names every record repeats, and RocksDB compresses the held store on disk ({@link CompressedStores}). Deflating
 * each value first (format 3) left zstd nothing to find: 5.3 KB per article in findings and held records against
 * 4.2 KB without it (session 5, on the broker).
 */
final class InternalSerdes {

    /** The findings and held records' format: the draft and memo in {@link DraftEncoding}. */
    private static final byte FINDINGS_FORMAT = 5;
    /** The findings and held records with the draft and memo as JSON inside (read and transcoded). */
    private static final byte FINDINGS_FORMAT_JSON_DRAFT = 4;
    /** The version gate's records. */
    private static final byte VERSIONS_FORMAT = 4;
    private static final byte ENRICHED = 1;
    private static final byte TAKEN_OUT = 2;
    private static final int ARTICLE_BYTES = 8192;
    private static final int VERSION_BYTES = 256;
    private static final Serde<ArticleEnriched> ARTICLES = serde(ArticleEnriched.class);
    private static final Serde<Enricher.Memo> MEMOS = serde(Enricher.Memo.class);
    private static final Serde<LastVersion> JSON_VERSIONS = serde(LastVersion.class);

    private InternalSerdes() {
    }

    /** The articles step's findings, as on the {@code article-findings} topic and in the {@code held-articles} store. */
    static Serde<ArticleFindings> findings() {
        return of(ARTICLE_BYTES, FINDINGS_FORMAT, FINDINGS_FORMAT_JSON_DRAFT, (out, findings) -> {
            switch (findings) {
                case ArticleFindings.Enriched enriched -> {
                    out.writeByte(ENRICHED);
                    write(out, enriched.fingerprint());
                    writeHeld(out, enriched.held());
                }
                case ArticleFindings.TakenOut takenOut -> {
                    out.writeByte(TAKEN_OUT);
                    out.writeInt(takenOut.version());
                    out.writeUTF(takenOut.pubStatus().name());
                }
            }
        }, (in, format) -> switch (in.readByte()) {
            case ENRICHED -> {
                Fingerprint fingerprint = readFingerprint(in);
                yield new ArticleFindings.Enriched(fingerprint, readHeld(in, format));
            }
            case TAKEN_OUT -> new ArticleFindings.TakenOut(in.readInt(), PubStatus.valueOf(in.readUTF()));
            default -> throw new SerializationException("unknown article findings type");
        });
    }

    /** A usable version as the memory task holds it ({@code held-articles}): no signature, no type byte. */
    static Serde<HeldArticle> held() {
        return of(ARTICLE_BYTES, FINDINGS_FORMAT, FINDINGS_FORMAT_JSON_DRAFT, InternalSerdes::writeHeld, InternalSerdes::readHeld);
    }

    /**
     * What subscribers were last told about an article ({@code article-versions}), written for every record told:
     * binary, as its JSON cost more than the rest of the store's put (JFR, session 14). Values an earlier release
     * wrote as JSON (they start with '{', never a format byte) are still read, so no reset is needed.
     */
    static Serde<LastVersion> versions() {
        Serde<LastVersion> binary = of(VERSION_BYTES, VERSIONS_FORMAT, VERSIONS_FORMAT, InternalSerdes::writeVersion,
                (in, format) -> readVersion(in));
        return Serdes.serdeFrom(binary.serializer(), (topic, data) -> data != null && data.length > 0 && data[0] == '{'
                ? JSON_VERSIONS.deserializer().deserialize(topic, data) : binary.deserializer().deserialize(topic, data));
    }

    /** An enriched article as {@code articles.enriched.v1} carries it (JSON, without headers). */
    static byte[] json(ArticleEnriched article) {
        return ARTICLES.serializer().serialize(null, article);
    }

    private interface Writer<T> {
        void write(DataOutputStream out, T value) throws IOException;
    }

    private interface Reader<T> {
        /** @param format the record's format byte, one the serde reads */
        T read(DataInputStream in, byte format) throws IOException;
    }

    /**
     * Bounded like every record the topology writes ({@link RecordLimit}).
     *
     * @param size the buffer a value starts in: a held article is a few KB (the buffer grows at most once or
     *             twice), a last version a few hundred bytes
     */
    private static <T> Serde<T> of(int size, byte writes, byte oldestRead, Writer<T> writer, Reader<T> reader) {
        return RecordLimit.values(Serdes.serdeFrom((topic, value) -> {
            if (value == null) {
                return null;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(size);
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeByte(writes);
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
                byte format = in.readByte();
                if (format < oldestRead || format > writes) {
                    throw new SerializationException("not an internal record of format " + oldestRead + " to "
                            + writes + " (topic " + topic + ")");
                }
                return reader.read(in, format);
            } catch (IOException e) {
                throw new SerializationException("truncated internal record (topic " + topic + ")", e);
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
        out.writeLong(f.leadHash());
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
        return new Fingerprint(articleId, publishedAt, contentHash, shingleCount, signature, in.readLong());
    }

    private static void writeHeld(DataOutputStream out, HeldArticle held) throws IOException {
        out.writeInt(held.version());
        writeInstant(out, held.publishedAt());
        writeBytes(out, held.article());
        writeBytes(out, held.memo());
    }

    private static HeldArticle readHeld(DataInputStream in, byte format) throws IOException {
        HeldArticle held = new HeldArticle(in.readInt(), readInstant(in), readBytes(in), readBytes(in));
        if (format != FINDINGS_FORMAT_JSON_DRAFT) {
            return held;
        }
        return new HeldArticle(held.version(), held.publishedAt(),
                DraftEncoding.encoded(ARTICLES.deserializer().deserialize(null, held.article())),
                DraftEncoding.encoded(MEMOS.deserializer().deserialize(null, held.memo())));
    }

    private static void writeVersion(DataOutputStream out, LastVersion last) throws IOException {
        out.writeInt(last.version());
        out.writeUTF(last.pubStatus().name());
        out.writeInt(last.told());
        out.writeLong(last.answers());
        out.writeShort(last.tags().size());
        for (Tag tag : last.tags()) { // only what routing reads (LastVersion.routingTag)
            out.writeUTF(tag.id());
            writeNullable(out, tag.label());
            out.writeUTF(tag.scheme());
        }
    }

    private static LastVersion readVersion(DataInputStream in) throws IOException {
        int version = in.readInt();
        PubStatus status = PubStatus.valueOf(in.readUTF());
        int told = in.readInt();
        long answers = in.readLong();
        List<Tag> tags = new ArrayList<>();
        for (int i = in.readUnsignedShort(); i > 0; i--) {
            tags.add(LastVersion.routingTag(in.readUTF(), readNullable(in), in.readUTF()));
        }
        return new LastVersion(version, status, tags, told, answers);
    }

    private static void writeNullable(DataOutputStream out, String text) throws IOException {
        out.writeBoolean(text != null);
        if (text != null) {
            out.writeUTF(text);
        }
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > RecordLimit.MAX_VALUE_BYTES) {
            throw new SerializationException("a field of " + length + " bytes: not an internal record");
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }

    private static void writeInstant(DataOutputStream out, Instant instant) throws IOException {
        out.writeLong(instant.getEpochSecond());
        out.writeInt(instant.getNano());
    }

    private static Instant readInstant(DataInputStream in) throws IOException {
        return Instant.ofEpochSecond(in.readLong(), in.readInt());
    }
}
