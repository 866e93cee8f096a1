package org.newsroom.ingest.cleaning;

import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObjectFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The language of an article's text, as an ISO 639-1 code, by n-gram profiles (optimaize, ~70 languages).
 * Too little text, or no confident profile, gives no answer rather than a guess.
 */
public final class Languages {

    private static final int MIN_CHARS = 40;
    private static final int MAX_CHARS = 1_000;

    private Languages() {
    }

    public static Optional<String> detect(String text) {
        if (text == null || text.strip().length() < MIN_CHARS) {
            return Optional.empty();
        }
        String sample = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        var detected = Detector.INSTANCE.detect(Detector.TEXTS.forText(sample));
        return detected.isPresent() ? Optional.of(detected.get().getLanguage()) : Optional.empty();
    }

    /** Loaded on first use: the profiles take a second and some megabytes. */
    private static final class Detector {
        static final LanguageDetector INSTANCE = load();
        static final TextObjectFactory TEXTS = CommonTextObjectFactories.forDetectingOnLargeText();

        private static LanguageDetector load() {
            try {
                return LanguageDetectorBuilder.create(NgramExtractors.standard())
                        .withProfiles(new LanguageProfileReader().readAllBuiltIn())
                        .build();
            } catch (IOException e) {
                throw new UncheckedIOException("the language profiles ship inside the detector's jar", e);
            }
        }
    }
}
