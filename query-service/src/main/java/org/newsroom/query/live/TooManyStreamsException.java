package org.newsroom.query.live;

/** The cap on concurrent live streams is reached: answered with 503 so clients retry later. */
class TooManyStreamsException extends RuntimeException {

    TooManyStreamsException(int max) {
        super("All " + max + " live streams are in use; try again later");
    }
}
