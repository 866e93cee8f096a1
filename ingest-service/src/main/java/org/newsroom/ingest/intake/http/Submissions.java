package org.newsroom.ingest.intake.http;

import java.util.ArrayList;
import java.util.List;
import org.newsroom.ingest.intake.Documents;
import org.newsroom.ingest.parsing.ArticleTooLargeException;
import org.newsroom.ingest.parsing.ParsedArticle;
import org.newsroom.ingest.parsing.UnreadableDocumentException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the body of {@code POST /api/articles}: one JSON article or an array of them, each in ninjs or the
 * simple shape {@code {headline, body|paragraphs, publishedAt, url, guid, source, byline, language}}. A batch
 * is taken all or nothing, so a client never has to work out which half of it went in.
 */
final class Submissions {

    /** The source name of an article that does not give one. */
    static final String DEFAULT_SOURCE = "http";

    /** One article of the body and the source it names. */
    record Submission(String sourceName, ParsedArticle article) {
    }

    private static final JsonMapper JSON = JsonMapper.shared();

    private final Documents documents;
    private final int maxBatch;

    Submissions(long maxBodySize, int maxBatch, long maxArticleBytes) {
        this.documents = new Documents(maxBodySize, 1, maxArticleBytes);
        this.maxBatch = maxBatch;
    }

    List<Submission> read(byte[] body) throws InvalidSubmissionException {
        JsonNode root = tree(body);
        List<JsonNode> items = root.isArray() ? List.copyOf(root.values()) : List.of(root);
        if (items.isEmpty()) {
            throw InvalidSubmissionException.invalid("the batch holds no article", List.of());
        }
        if (items.size() > maxBatch) {
            throw InvalidSubmissionException.tooLarge(
                    "a batch of %d articles is more than the limit of %d".formatted(items.size(), maxBatch));
        }
        List<Submission> submissions = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<String> tooLarge = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String where = root.isArray() ? "[" + i + "]" : "article";
            try {
                submissions.add(submission(items.get(i)));
            } catch (ArticleTooLargeException e) {
                tooLarge.add(where + ": " + e.getMessage());
            } catch (UnreadableDocumentException e) {
                errors.add(where + ": " + e.getMessage());
            }
        }
        if (!tooLarge.isEmpty() && errors.isEmpty()) {
            throw InvalidSubmissionException.tooLarge("%d of %d article(s) are over the article size limit; none was taken in"
                    .formatted(tooLarge.size(), items.size()), tooLarge);
        }
        errors.addAll(tooLarge);
        if (!errors.isEmpty()) {
            throw InvalidSubmissionException.invalid("%d of %d article(s) are invalid; none was taken in"
                    .formatted(errors.size(), items.size()), errors);
        }
        return submissions;
    }

    private static JsonNode tree(byte[] body) throws InvalidSubmissionException {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw InvalidSubmissionException.invalid("the body is not valid JSON: " + e.getOriginalMessage(), List.of());
        }
        if (root == null || !(root.isObject() || root.isArray())) {
            throw InvalidSubmissionException.invalid("the body must be a JSON article object or an array of them", List.of());
        }
        return root;
    }

    private Submission submission(JsonNode item) throws UnreadableDocumentException {
        if (!item.isObject()) {
            throw new UnreadableDocumentException("not a JSON object");
        }
        JsonNode source = item.path("source");
        if (!source.isMissingNode() && !source.isNull() && !(source.isString() && !source.asString().isBlank())) {
            throw new UnreadableDocumentException("source must be a non-empty string");
        }
        ParsedArticle article = documents.read("article.json", JSON.writeValueAsBytes(item)).articles().getFirst();
        return new Submission(source.isString() ? source.asString().strip() : DEFAULT_SOURCE, article);
    }
}
