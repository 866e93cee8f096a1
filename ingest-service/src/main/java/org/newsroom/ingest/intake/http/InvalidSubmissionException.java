package org.newsroom.ingest.intake.http;

import java.util.List;

/** A submission refused as a whole, with every problem found in it. */
class InvalidSubmissionException extends Exception {

    private final boolean tooLarge;
    private final List<String> errors;

    private InvalidSubmissionException(String detail, boolean tooLarge, List<String> errors) {
        super(detail);
        this.tooLarge = tooLarge;
        this.errors = List.copyOf(errors);
    }

    static InvalidSubmissionException invalid(String detail, List<String> errors) {
        return new InvalidSubmissionException(detail, false, errors);
    }

    static InvalidSubmissionException tooLarge(String detail) {
        return tooLarge(detail, List.of());
    }

    static InvalidSubmissionException tooLarge(String detail, List<String> errors) {
        return new InvalidSubmissionException(detail, true, errors);
    }

    boolean tooLarge() {
        return tooLarge;
    }

    List<String> errors() {
        return errors;
    }
}
