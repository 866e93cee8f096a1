package org.newsroom.query.alerts;

/** The store already holds as many saved searches as it may; answered with 409 until some are deleted. */
class TooManyAlertsException extends RuntimeException {

    TooManyAlertsException(int max) {
        super("At most " + max + " saved searches can be kept; delete one first");
    }
}
