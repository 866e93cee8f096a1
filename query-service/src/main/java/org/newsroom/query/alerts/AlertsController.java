package org.newsroom.query.alerts;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.newsroom.query.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/alerts}: create, list, read and delete saved searches. Errors are RFC 9457 problem details. */
@RestController
@RequestMapping("/api/alerts")
class AlertsController {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final SavedSearches savedSearches;

    AlertsController(SavedSearches savedSearches) {
        this.savedSearches = savedSearches;
    }

    @PostMapping
    ResponseEntity<Alert> create(@RequestBody AlertRequest request) throws IOException {
        Alert alert = savedSearches.create(request);
        return ResponseEntity.created(URI.create("/api/alerts/" + alert.id())).body(alert);
    }

    @GetMapping
    List<Alert> all() throws IOException {
        return savedSearches.all();
    }

    @GetMapping("/{id}")
    Alert one(@PathVariable String id) throws IOException {
        return (ID.matcher(id).matches() ? savedSearches.find(id) : Optional.<Alert>empty())
                .orElseThrow(() -> new AlertNotFoundException(id));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) throws IOException {
        if (!ID.matcher(id).matches() || !savedSearches.delete(id)) {
            throw new AlertNotFoundException(id);
        }
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(InvalidAlertException.class)
    ProblemDetail invalid(InvalidAlertException e) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "Invalid saved search", e.getMessage());
        problem.setProperty("errors", e.problems());
        return problem;
    }

    @ExceptionHandler(AlertNotFoundException.class)
    ProblemDetail notFound(AlertNotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "No such saved search", e.getMessage());
    }

    @ExceptionHandler(TooManyAlertsException.class)
    ProblemDetail tooMany(TooManyAlertsException e) {
        return Problems.of(HttpStatus.CONFLICT, "Too many saved searches", e.getMessage());
    }
}
