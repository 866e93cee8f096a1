package org.newsroom.query.live;

/** One client already holds its share of live streams: answered with 429, so one client cannot take them all. */
class TooManyStreamsFromClientException extends RuntimeException {

    TooManyStreamsFromClientException(int max) {
        super("This client already has " + max + " live streams open; close one or try again later");
    }
}
