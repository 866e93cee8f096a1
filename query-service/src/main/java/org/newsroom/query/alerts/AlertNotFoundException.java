package org.newsroom.query.alerts;

/** No saved search has the requested id; answered with 404. */
class AlertNotFoundException extends RuntimeException {

    AlertNotFoundException(String id) {
        super("No saved search with id " + id);
    }
}
