package org.newsroom.enrich.normalising;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An article's {@link Words}, tokenised once and shared by every step that reads lower-case words: the topic rules
 * and IPTC labels (headline, then body), the subject classifier and the memory's story words (both the content
 * words of the headline twice, then the body: {@code TermWeights.document}).
 *
 * <p>Each part (headline, paragraph) is tokenised on its own. That gives the same words as tokenising the parts
 * joined by line breaks, as the steps did: a word never spans a line break, and lower-casing (the one
 * context-sensitive case, a Greek final sigma) looks no further than a line break either.
 * {@code ArticleTokensTests} checks the views against the joined texts on Reuters and BBC.
 *
 * <p>Two steps keep tokenisations of their own, because they need what this one throws away: entity recognition
 * (the original case, apostrophes, hyphens and full stops inside words, sentence ends) and the dedup fingerprint
 * (NFKC, numbers and one-letter words kept, the headline, byline, dateline and credits left out).
 */
public final class ArticleTokens {

    private final List<String> words;
    private final List<String> document;

    private ArticleTokens(List<String> words, int headlineWords) {
        this.words = Collections.unmodifiableList(words);
        List<String> headline = Words.content(words.subList(0, headlineWords));
        List<String> document = new ArrayList<>(2 * headline.size() + words.size() - headlineWords);
        document.addAll(headline);
        document.addAll(headline);
        document.addAll(Words.content(words.subList(headlineWords, words.size())));
        this.document = Collections.unmodifiableList(document);
    }

    /** The tokens of a (normalised) headline and paragraphs; a missing headline has none. */
    public static ArticleTokens of(String headline, List<String> paragraphs) {
        // Sized for the whole text at once (a word and its space take ~6 characters in English news): grown from
        // the default ten, the list of a 400-word article was copied some ten times (2% of enrich in JFR).
        int characters = headline == null ? 0 : headline.length();
        for (String paragraph : paragraphs) {
            characters += paragraph == null ? 0 : paragraph.length();
        }
        List<String> words = new ArrayList<>(characters / 6 + 8);
        Words.add(headline, words);
        int headlineWords = words.size();
        for (String paragraph : paragraphs) {
            Words.add(paragraph, words);
        }
        return new ArticleTokens(words, headlineWords);
    }

    /** A headline and a body in one text, as the classifier's evaluation and training read Reuters. */
    public static ArticleTokens of(String headline, String body) {
        return of(headline, body == null ? List.of() : List.of(body));
    }

    /** {@link Words#of} of the headline and the body: what the topic rules and IPTC labels look for. */
    public List<String> words() {
        return words;
    }

    /** {@link Words#content} of the headline twice, then the body: what the classifier and stories weigh. */
    public List<String> document() {
        return document;
    }
}
