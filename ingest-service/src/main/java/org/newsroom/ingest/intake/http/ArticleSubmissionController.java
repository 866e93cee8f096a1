package org.newsroom.ingest.intake.http;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.newsroom.access.HttpLimits;
import org.newsroom.access.Principals;
import org.newsroom.contracts.ArticleReceived;
import org.newsroom.contracts.Source;
import org.newsroom.contracts.SourceKind;
import org.newsroom.ingest.IngestProperties;
import org.newsroom.ingest.intake.ArticleIntake;
import org.newsroom.ingest.intake.CorrelationIds;
import org.newsroom.ingest.intake.Receipts;
import org.newsroom.ingest.publishing.PublishFailedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/articles}: pushes one article or a batch, answered with 202 and the article ids only
 * once Kafka acknowledged every one of them. The principal needs the {@code ingest} role (see
 * {@link SubmissionAccess}) and may send articles only of the sources it may write: article ids are scoped by
 * source, so that is also what keeps it from correcting or killing anyone else's article. A usable
 * {@code X-Correlation-Id} becomes the correlation id of every article sent; otherwise each gets a new one.
 */
@RestController
class ArticleSubmissionController {

    private static final Source REQUEST = new Source(Submissions.DEFAULT_SOURCE, SourceKind.http, "/api/articles");

    /** The answer to an accepted submission: the ids of its articles, in the order they were sent. */
    record Accepted(List<String> ids) {
    }

    private final ArticleIntake intake;
    private final Submissions submissions;

    ArticleSubmissionController(ArticleIntake intake, IngestProperties properties, HttpLimits limits) {
        this.intake = intake;
        this.submissions = new Submissions(limits.maxBodySize().toBytes(), properties.http().maxBatch(),
                properties.maxArticleSize().toBytes());
    }

    @Operation(summary = "Push one article or a batch; 202 once Kafka has acknowledged every one of them",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = "application/json",
                    schema = @Schema(description = "One article, IPTC ninjs or the simple shape, or an array of them (at most "
                            + "ingest.http.max-batch). Simple shape: "
                            + "headline, body (paragraphs separated by blank lines) or paragraphs, source (one the "
                            + "key may push), publishedAt, url, guid, byline, language."),
                    examples = @ExampleObject("{\"headline\": \"Markets rally in Tokyo\", "
                            + "\"body\": \"Shares rose on Friday.\\n\\nThe Nikkei gained 2%.\", "
                            + "\"publishedAt\": \"2019-05-06T08:00:00Z\", \"url\": \"https://example.com/markets\", "
                            + "\"guid\": \"urn:example:1\", \"source\": \"example-wire\", \"language\": \"en\"}"))),
            responses = {
                    @ApiResponse(responseCode = "202", description = "taken in: the article ids, in order"),
                    @ApiResponse(responseCode = "400", description = "invalid articles: a problem listing each error"),
                    @ApiResponse(responseCode = "401", description = "no key, or an unknown one"),
                    @ApiResponse(responseCode = "403", description = "a source this key may not push"),
                    @ApiResponse(responseCode = "413", description = "body, batch or article too large"),
                    @ApiResponse(responseCode = "503", description = "Kafka did not acknowledge; retry after Retry-After")})
    @PostMapping("/api/articles")
    ResponseEntity<Accepted> submit(@RequestHeader(name = CorrelationIds.HEADER, required = false) String correlationId,
                                    Authentication principal, HttpServletRequest request)
            throws IOException, InvalidSubmissionException, SourceNotAllowedException, PublishFailedException {
        List<Submissions.Submission> read;
        try {
            read = submissions.read(body(request));
        } catch (InvalidSubmissionException e) {
            intake.rejected(REQUEST, Math.max(1, e.errors().size()));
            throw e;
        }
        List<String> refused = read.stream().map(Submissions.Submission::sourceName).distinct()
                .filter(source -> !Principals.maySource(principal, source)).toList();
        if (!refused.isEmpty()) {
            intake.rejected(REQUEST, read.size());
            throw new SourceNotAllowedException(principal.getName(), refused);
        }
        List<ArticleReceived> articles = read.stream()
                .map(submission -> Receipts.received(submission.article(),
                        new Source(submission.sourceName(), SourceKind.http, REQUEST.uri()), intake.now(),
                        CorrelationIds.requestedOrNext(correlationId)))
                .toList();
        intake.publish(articles);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Accepted(articles.stream().map(ArticleReceived::articleId).toList()));
    }

    /** The whole body: the access module's {@code RequestBodyLimit} has already refused one over the limit. */
    private static byte[] body(HttpServletRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            return in.readAllBytes();
        }
    }
}
