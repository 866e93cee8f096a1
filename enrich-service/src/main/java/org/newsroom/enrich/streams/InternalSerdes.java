package org.newsroom.enrich.streams;

import static org.newsroom.enrich.streams.EnrichmentTopology.serde;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.contracts.PubStatus;
import org.newsroom.enrich.Enricher;
import org.newsroom.enrich.dedup.Fingerprint;

/**
 * Compact binary serdes for the topology's internal records (the findings topic and the held-articles store): a
 * fingerprint's 128 signature values as text cost more to parse than the rest of the record. Only this topology
 * reads them; the public topics stay JSON. Each value starts with a format byte, so a record of another format (an
 * earlier release's, before the application reset docs/dedup.md asks for) fails loudly.
 */
final class InternalSerdes {

    private static final byte FORMAT = 3;
    private static final byte ENRICHED = 1;
    private static final byte TAKEN_OUT = 2;
    private static final Serde<ArticleEnriched> ARTICLES = serde(ArticleEnriched.class);
    private static final Serde<Enricher.Memo> MEMOS = serde(Enricher.Memo.class);

    private InternalSerdes() {
    }

    /** The articles step's findings, as on the {@code article-findings} topic and in the {@code held-articles} store. */
    static Serde<ArticleFindings> findings() {
        return of((out, findings) -> {
            switch (findings) {
                case ArticleFindings.Enriched enriched -> {
                    out.writeByte(ENRICHED);
                    out.writeInt(enriched.version());
                    write(out, enriched.fingerprint());
                    byte[] article = enriched.article();
                    out.writeInt(article.length);
                    out.write(article);
                    byte[] memo = enriched.memo();
                    out.writeInt(memo.length);
                    out.write(memo);
                }
                case ArticleFindings.TakenOut takenOut -> {
                    out.writeByte(TAKEN_OUT);
                    out.writeInt(takenOut.version());
                    out.writeUTF(takenOut.pubStatus().name());
                }
            }
        }, in -> switch (in.readByte()) {
            case ENRICHED -> {
                int version = in.readInt();
                Fingerprint fingerprint = readFingerprint(in);
                byte[] article = new byte[in.readInt()];
                in.readFully(article);
                byte[] memo = new byte[in.readInt()];
                in.readFully(memo);
                yield new ArticleFindings.Enriched(version, fingerprint, article, memo);
            }
            case TAKEN_OUT -> new ArticleFindings.TakenOut(in.readInt(), PubStatus.valueOf(in.readUTF()));
            default -> throw new SerializationException("unknown article findings type");
        });
    }

    /** The findings of a usable version, as held by the memory task. */
    static Serde<ArticleFindings.Enriched> held() {
        Serde<ArticleFindings> findings = findings();
        return Serdes.serdeFrom((topic, value) -> findings.serializer().serialize(topic, value),
                (topic, data) -> (ArticleFindings.Enriched) findings.deserializer().deserialize(topic, data));
    }

    /** An enriched article as {@code articles.enriched.v1} carries it (JSON). */
    static byte[] json(ArticleEnriched article) {
        return ARTICLES.serializer().serialize(null, article);
    }

    /**
     * An article's JSON as the internal records carry it: its length, then the JSON deflated at the fastest level
     * (about a third of the size, for tens of microseconds). It is compressed once, in the articles task, and
     * inflated only when the memory task tells subscribers about it.
     */
    static byte[] deflated(byte[] json) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(json);
            deflater.finish();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(json.length / 2 + 64);
            new DataOutputStream(bytes).writeInt(json.length);
            byte[] buffer = new byte[4096];
            while (!deflater.finished()) {
                bytes.write(buffer, 0, deflater.deflate(buffer));
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deflater.end();
        }
    }

    /** A memo's JSON, deflated like an article's. */
    static byte[] deflated(Enricher.Memo memo) {
        return deflated(MEMOS.serializer().serialize(null, memo));
    }

    /** The memo {@link #deflated(Enricher.Memo)} encoded. */
    static Enricher.Memo memo(byte[] deflated) {
        return MEMOS.deserializer().deserialize(null, inflatedJson(deflated));
    }

    /** The article {@link #deflated} encoded. */
    static ArticleEnriched inflated(byte[] deflated) {
        return ARTICLES.deserializer().deserialize(null, inflatedJson(deflated));
    }

    private static byte[] inflatedJson(byte[] deflated) {
        ByteBuffer in = ByteBuffer.wrap(deflated);
        int length = in.getInt();
        if (length < 0 || length > RecordLimit.MAX_VALUE_BYTES) {
            throw new SerializationException("a deflated article of " + length + " bytes: not an internal record");
        }
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(in);
            byte[] json = new byte[length];
            int read = 0;
            while (read < length && !inflater.finished()) {
                int n = inflater.inflate(json, read, length - read);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new SerializationException("a truncated deflated article");
                }
                read += n;
            }
            return json;
        } catch (DataFormatException e) {
            throw new SerializationException("a corrupt deflated article", e);
        } finally {
            inflater.end();
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
                    throw new SerializationException("not an internal record of format " + FORMAT + " (topic " + topic + ")");
                }
                return reader.read(in);
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

    private static void writeInstant(DataOutputStream out, Instant instant) throws IOException {
        out.writeLong(instant.getEpochSecond());
        out.writeInt(instant.getNano());
    }

    private static Instant readInstant(DataInputStream in) throws IOException {
        return Instant.ofEpochSecond(in.readLong(), in.readInt());
    }
}
