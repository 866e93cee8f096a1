package org.newsroom.ingest.intake;

/** A file in the inbox that is not read at all (a link, too large, outside the inbox); the message says why. */
class RefusedFileException extends Exception {

    RefusedFileException(String reason) {
        super(reason);
    }
}
