package org.newsroom.ingest.parsing;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Turns a dropped file's bytes into text, refusing binary content instead of indexing garbage. */
final class TextDecoding {

    private static final double MAX_CONTROL_SHARE = 0.01;

    private TextDecoding() {
    }

    /** UTF-8 (BOM allowed), else Windows-1252, which older newsroom tools still write. */
    static String decode(byte[] bytes) throws UnreadableDocumentException {
        if (bytes.length == 0) {
            throw new UnreadableDocumentException("empty file");
        }
        for (byte b : bytes) {
            if (b == 0) {
                throw new UnreadableDocumentException("binary content (NUL bytes): not a text document");
            }
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            text = new String(bytes, Charset.forName("windows-1252"));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        long control = text.chars().filter(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t').count();
        if (control > text.length() * MAX_CONTROL_SHARE) {
            throw new UnreadableDocumentException("binary content (%d control characters in %d): not a text document"
                    .formatted(control, text.length()));
        }
        return text;
    }
}
