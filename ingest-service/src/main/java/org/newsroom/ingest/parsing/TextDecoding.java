package org.newsroom.ingest.parsing;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a document's bytes into text, refusing binary content instead of indexing garbage. Bytes that are
 * valid UTF-8 are read as UTF-8 whatever the document declares: real feeds and agency files often declare
 * ISO-8859-1 while holding UTF-8, and genuine Latin-1 text is almost never valid UTF-8.
 */
final class TextDecoding {

    private static final double MAX_CONTROL_SHARE = 0.01;
    private static final Charset FALLBACK = Charset.forName("windows-1252");
    private static final Pattern DECLARED = Pattern.compile(
            "(?:<\\?xml[^>]*encoding\\s*=\\s*[\"']|<meta[^>]*charset\\s*=\\s*[\"']?)([A-Za-z0-9._:-]+)",
            Pattern.CASE_INSENSITIVE);

    private TextDecoding() {
    }

    /** UTF-8 (BOM allowed), else the declared charset, else Windows-1252, which older tools still write. */
    static String decode(byte[] bytes) throws UnreadableDocumentException {
        if (bytes.length == 0) {
            throw new UnreadableDocumentException("empty file");
        }
        String text = utf16(bytes);
        boolean wide = text != null;
        if (text == null) {
            bytes = withoutStrayNuls(bytes);
            text = utf8(bytes);
        }
        if (text == null) {
            text = new String(bytes, declaredOr(bytes, FALLBACK));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        requireText(text);
        // UTF-16 keeps a stray NUL as U+0000 (under the control characters' share): dropped as from other text, whose
        // NUL bytes were dropped before decoding.
        return wide ? text.replace("\u0000", "") : text;
    }

    private static String utf16(byte[] bytes) {
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        return null;
    }

    /**
     * Binary files are full of NUL bytes (a PNG file has three in its first twelve), while a text page may carry a
     * stray one, where a tool that saved it wrote a corrupt byte: refused beyond one in a hundred bytes (the share of
     * other control characters a text may have), else read without them. Only the text is kept, never the markup,
     * so bytes a NUL separated may join (a split tag is removed like any other).
     */
    private static byte[] withoutStrayNuls(byte[] bytes) throws UnreadableDocumentException {
        int nuls = 0;
        for (byte b : bytes) {
            if (b == 0) {
                nuls++;
            }
        }
        if (nuls == 0) {
            return bytes;
        }
        if (nuls > bytes.length * MAX_CONTROL_SHARE) {
            throw new UnreadableDocumentException("binary content (NUL bytes: %d in %d): not a text document"
                    .formatted(nuls, bytes.length));
        }
        byte[] kept = new byte[bytes.length - nuls];
        int k = 0;
        for (byte b : bytes) {
            if (b != 0) {
                kept[k++] = b;
            }
        }
        return kept;
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** The charset an XML declaration or HTML meta tag names near the start, if the JDK knows it. */
    private static Charset declaredOr(byte[] bytes, Charset fallback) {
        String head = new String(bytes, 0, Math.min(bytes.length, 2048), StandardCharsets.ISO_8859_1);
        Matcher declared = DECLARED.matcher(head);
        if (declared.find()) {
            try {
                Charset charset = Charset.forName(declared.group(1));
                // ISO-8859-1 is a subset of windows-1252 for text; the latter also maps smart quotes.
                return charset.equals(StandardCharsets.ISO_8859_1) ? FALLBACK : charset;
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                return fallback;
            }
        }
        return fallback;
    }

    private static void requireText(String text) throws UnreadableDocumentException {
        long control = text.chars().filter(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t').count();
        if (control > text.length() * MAX_CONTROL_SHARE) {
            throw new UnreadableDocumentException("binary content (%d control characters in %d): not a text document"
                    .formatted(control, text.length()));
        }
    }
}
