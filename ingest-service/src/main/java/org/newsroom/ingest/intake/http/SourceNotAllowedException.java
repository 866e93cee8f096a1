package org.newsroom.ingest.intake.http;

import java.util.List;

/** The principal sent articles of sources it may not write; none of the submission was taken in. */
class SourceNotAllowedException extends Exception {

    SourceNotAllowedException(String principal, List<String> sources) {
        super("%s may not write articles of source(s) %s; none was taken in".formatted(principal, String.join(", ", sources)));
    }
}
