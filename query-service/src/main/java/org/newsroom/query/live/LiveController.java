package org.newsroom.query.live;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import org.newsroom.query.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/stream?q=&tag=&source=&agency=&language=&extraction=&extractionConfidenceBelow=}: Server-Sent
 * Events of newly indexed articles matching the filters. Events: {@code ready} once, then {@code article} per match; comments as heartbeats.
 * Streams are charged to the authenticated user, or to the remote address when there is none.
 */
@RestController
class LiveController {

    private final LiveStreams streams;

    LiveController(LiveStreams streams) {
        this.streams = streams;
    }

    @GetMapping(path = "/api/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@RequestParam(name = "q", required = false) String query,
                      @RequestParam(required = false) String tag,
                      @RequestParam(required = false) String source,
                      @RequestParam(required = false) String agency,
                      @RequestParam(required = false) String language,
                      @RequestParam(required = false) String extraction,
                      @RequestParam(required = false) String extractionConfidenceBelow,
                      HttpServletRequest request) {
        LiveFilter filter = LiveFilter.of(query, tag, source, agency, language, extraction, extractionConfidenceBelow);
        return streams.open(filter, client(request)).emitter();
    }

    /** Behind a reverse proxy the address is the proxy's unless {@code server.forward-headers-strategy} is set. */
    static String client(HttpServletRequest request) {
        Principal user = request.getUserPrincipal();
        return user != null ? "user " + user.getName() : "address " + request.getRemoteAddr();
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail invalidFilter(IllegalArgumentException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "Invalid stream request", e.getMessage());
    }

    @ExceptionHandler(TooManyStreamsException.class)
    ResponseEntity<ProblemDetail> tooMany(TooManyStreamsException e) {
        ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "Too many live streams", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "30").body(problem);
    }

    @ExceptionHandler(TooManyStreamsFromClientException.class)
    ResponseEntity<ProblemDetail> tooManyFromClient(TooManyStreamsFromClientException e) {
        ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "Too many live streams from this client",
                e.getMessage());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, "30").body(problem);
    }
}
