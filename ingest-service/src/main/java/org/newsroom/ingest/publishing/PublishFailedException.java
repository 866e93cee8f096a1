package org.newsroom.ingest.publishing;

/** Kafka did not acknowledge a publication; the input must be kept and offered again. */
public class PublishFailedException extends Exception {

    public PublishFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
