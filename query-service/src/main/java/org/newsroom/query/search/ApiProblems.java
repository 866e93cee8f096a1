package org.newsroom.query.search;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import java.net.ConnectException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API error is an RFC 9457 problem response: invalid requests are 400s (framework errors such as a
 * non-numeric {@code size} included, via the base class, and searches the index refuses to run), unknown
 * ids 404s, an unreachable or failing index 503s, anything else a bare 500. Details of server-side failures are logged, never sent.
 * Handlers a controller declares itself take precedence over these.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    @ExceptionHandler(InvalidSearchException.class)
    ProblemDetail invalidSearch(InvalidSearchException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid search request", e.getMessage());
    }

    @ExceptionHandler(ArticleNotFoundException.class)
    ProblemDetail notFound(ArticleNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    /**
     * Error types with which Elasticsearch refuses a search it cannot run (a pattern expanding to too many terms,
     * a query it cannot parse): the request is what must change, so the client hears 400, not the "try again" of
     * a 503. Any other 400 from the index (a mapping conflict, an index that already exists) is this service's
     * fault, a 500.
     */
    private static final Set<String> REFUSED_SEARCHES = Set.of("search_phase_execution_exception",
            "query_shard_exception", "parsing_exception", "too_many_clauses", "too_many_nested_clauses");

    /** Only the error's type is sent; its reason may name indices and fields. */
    @ExceptionHandler(ElasticsearchException.class)
    ProblemDetail indexRefused(ElasticsearchException e) {
        if (e.status() != HttpStatus.BAD_REQUEST.value()) {
            return indexUnavailable(e);
        }
        String type = e.error().type();
        if (!REFUSED_SEARCHES.contains(type)) {
            return unexpected(e);
        }
        log.info("Elasticsearch refused a search: {}", e.toString());
        return problem(HttpStatus.BAD_REQUEST, "Search refused by the index",
                "The index could not run this search (" + type + "); simplify the query.");
    }

    @ExceptionHandler(ConnectException.class)
    ProblemDetail indexUnavailable(Exception e) {
        log.warn("Search failed in Elasticsearch: {}", e.toString());
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Search unavailable",
                "The search index could not answer; try again shortly.");
    }

    @ExceptionHandler(RuntimeException.class)
    ProblemDetail unexpected(RuntimeException e) {
        log.error("Unexpected error answering an API request", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "The request failed on the server.");
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
