package org.newsroom.query.alerts;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.newsroom.outbound.Destinations;
import org.newsroom.outbound.OutboundPolicy;
import org.newsroom.query.web.Problems;
import org.newsroom.access.Principals;
import org.newsroom.access.Role;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
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

/**
 * {@code /api/alerts}: create, list, read and delete saved searches, and read one as an Atom feed. Errors are RFC 9457 problem details; a webhook
 * on an address the outbound guard refuses is one of them (400), unless {@code alerts.webhook-allow} lists it.
 */
@RestController
@RequestMapping("/api/alerts")
class AlertsController {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final SavedSearches savedSearches;
    private final AlertFeed feeds;
    private final Destinations webhookDestinations;

    AlertsController(SavedSearches savedSearches, AlertFeed feeds, AlertProperties properties) {
        this.savedSearches = savedSearches;
        this.feeds = feeds;
        this.webhookDestinations = new Destinations(OutboundPolicy.allowing(properties.webhookAllow()));
    }

    @PostMapping
    ResponseEntity<Alert> create(@RequestBody AlertRequest request, Authentication principal) throws IOException {
        request.checkWebhookDestination(webhookDestinations);
        Alert alert = savedSearches.create(request, principal.getName());
        return ResponseEntity.created(URI.create("/api/alerts/" + alert.id())).body(alert);
    }

    /** The principal's own saved searches; an admin sees everyone's. */
    @GetMapping
    List<Alert> all(Authentication principal) throws IOException {
        return savedSearches.all().stream().filter(alert -> visible(alert, principal)).toList();
    }

    @GetMapping("/{id}")
    Alert one(@PathVariable String id, Authentication principal) throws IOException {
        return owned(id, principal);
    }

    /** The saved search's newest matches as Atom, for feed readers; owner-only like the saved search itself. */
    @GetMapping(value = "/{id}/feed", produces = AlertFeed.MEDIA_TYPE)
    String feed(@PathVariable String id, Authentication principal) throws IOException {
        return feeds.feed(owned(id, principal));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id, Authentication principal) throws IOException {
        owned(id, principal);
        if (!savedSearches.delete(id)) {
            throw new AlertNotFoundException(id);
        }
        return ResponseEntity.noContent().build();
    }

    /** Someone else's saved search is answered like a missing one: its existence is not for others to learn. */
    private Alert owned(String id, Authentication principal) throws IOException {
        return (ID.matcher(id).matches() ? savedSearches.find(id) : Optional.<Alert>empty())
                .filter(alert -> visible(alert, principal))
                .orElseThrow(() -> new AlertNotFoundException(id));
    }

    private static boolean visible(Alert alert, Authentication principal) {
        return Principals.has(principal, Role.admin) || principal != null && principal.getName().equals(alert.owner());
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
