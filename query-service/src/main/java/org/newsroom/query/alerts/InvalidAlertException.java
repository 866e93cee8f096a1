package org.newsroom.query.alerts;

import java.util.List;

/** A saved search that cannot be stored; answered with a 400 problem response listing every problem. */
class InvalidAlertException extends RuntimeException {

    private final List<String> problems;

    InvalidAlertException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    List<String> problems() {
        return problems;
    }
}
