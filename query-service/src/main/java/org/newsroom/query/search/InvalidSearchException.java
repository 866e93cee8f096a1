package org.newsroom.query.search;

/** A search request outside what the API accepts; answered with a 400 problem response. */
public class InvalidSearchException extends RuntimeException {

    public InvalidSearchException(String message) {
        super(message);
    }
}
