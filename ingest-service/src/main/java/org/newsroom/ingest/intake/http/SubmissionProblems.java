package org.newsroom.ingest.intake.http;

import java.net.URI;
import org.newsroom.ingest.publishing.PublishFailedException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Every refusal of {@code POST /api/articles} as an RFC 9457 problem. */
@RestControllerAdvice(assignableTypes = ArticleSubmissionController.class)
class SubmissionProblems {

    @ExceptionHandler
    ResponseEntity<ProblemDetail> sourceNotAllowed(SourceNotAllowedException e) {
        return problem(HttpStatus.FORBIDDEN, "Source not allowed", e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalid(InvalidSubmissionException e) {
        ProblemDetail problem = e.tooLarge() ? detail(HttpStatus.CONTENT_TOO_LARGE, "Submission too large", e.getMessage())
                : detail(HttpStatus.BAD_REQUEST, "Invalid articles", e.getMessage());
        if (!e.errors().isEmpty()) {
            problem.setProperty("errors", e.errors());
        }
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    /**
     * Nothing was acknowledged, so nothing was taken in: the client should send the same body again, unless
     * Kafka refused the records for what they are (too large once encoded), which sending again cannot change.
     */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> notPublished(PublishFailedException e) {
        if (!e.retriable()) {
            return problem(HttpStatus.CONTENT_TOO_LARGE, "Articles refused by Kafka", e.getMessage());
        }
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .body(detail(HttpStatus.SERVICE_UNAVAILABLE, "Articles not taken in", e.getMessage()));
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
        return ResponseEntity.status(status).body(detail(status, title, detail));
    }

    private static ProblemDetail detail(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setInstance(URI.create("/api/articles"));
        return problem;
    }
}
