package org.newsroom.enrich.dedup;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of an article body as duplicate detection compares them. Left out is what each outlet writes
 * around the same story: the headline (republishers re-headline), the byline, the dateline, agency credit
 * lines and copyright notices. Case, accents' encoding and punctuation (so also quotation-mark styles) do not
 * count, numbers do.
 *
 * <p>The rules describe the forms of these parts in general (a place in capitals or a few capitalised words,
 * an optional date and agency, then a dash; a short line of capitalised name words; "Reporting by",
 * "contributed to this report", a copyright line) rather than any one outlet's wording: the evaluation
 * measures them on outlets' forms they were not written from (docs/dedup.md).
 */
public final class BodyText {

    /** How many leading paragraphs may hold the byline and the dateline (an editor's note may come first). */
    private static final int HEAD_PARAGRAPHS = 3;
    /** Credit lines and copyright notices are short; a longer paragraph that mentions them is story text. */
    private static final int CREDIT_MAX_WORDS = 40;
    private static final int BYLINE_MAX_WORDS = 8;
    /** How many short paragraphs after the sign-off may be the outlet's footer rather than story text. */
    private static final int FOOTER_PARAGRAPHS = 3;

    private static final String AGENCY = "(\\([^)]{1,30}\\)|/[^/]{1,30}/)";
    private static final String DATE_PARTS = "(,[\\p{L}\\p{M}\\d .]{1,30}){0,3}";
    private static final Pattern DATELINE = Pattern.compile("^("
            // LONDON (Reuters) -   AKRON, Ohio, March 26 -   CHICAGO, Ill., March 9, 1987 /PRNewswire/ --
            + "\\p{Lu}[\\p{Lu}\\p{M} .'/-]{1,40}" + DATE_PARTS + "\\s*" + AGENCY + "?"
            // Moscow (AFP) -   Paris, 12 February (AFP) -   (CNN) --
            + "|[\\p{L}\\p{M}\\d .,'/-]{0,40}" + AGENCY
            + ")\\s*[-\u2013\u2014]{1,2}\\s+"
            // Chicago \u2014   (a typographic dash after up to three capitalised words and an optional date)
            + "|^\\p{Lu}[\\p{L}\\p{M}.'-]*( \\p{Lu}[\\p{L}\\p{M}.'-]*){0,2}" + DATE_PARTS + "\\s+[\u2013\u2014]{1,2}\\s+");
    private static final Pattern BYLINE_WORD = Pattern.compile("[\\p{Lu}|&,-][\\p{L}\\p{M}.'-]*,?|and|of|the|for|de|van|von");
    private static final Pattern NAME_WITH_AFFILIATION = Pattern.compile(
            "\\p{Lu}[\\p{L}\\p{M}.'-]+( \\p{Lu}[\\p{L}\\p{M}.'-]+){1,2}( \\||,) .+");
    /** A credit line's or copyright notice's opening, matched at the paragraph's start. */
    private static final Pattern CREDIT_OPENING = Pattern.compile("(?i)[(\\[\\s\u2013\u2014-]*(additional )?"
            + "(reporting|writing|editing|compiled|edited|written|translated|produced) by\\b"
            + "|[(\\s]*(\u00a9|\\(c\\)|copyright\\b)");
    /** A credit or notice anywhere in the paragraph; each needs one of {@link #NOTICE_WORDS}. */
    private static final Pattern CREDIT_NOTICE = Pattern.compile("(?i)\\bcontributed( reporting)? to this (report|story|article)"
            + "|\\ball rights reserved\\b|\\bmay not be (re)?published\\b");
    private static final String[] NOTICE_WORDS = {"contributed", "reserved", "may"};
    /** The outlet speaking to its readers ("Sign up for our newsletter", "we read every message"). */
    private static final Pattern OUTLET_VOICE = Pattern.compile("\\b([Ww]e|[Oo]ur|[Yy]ou|[Yy]our)\\b");
    private static final String[] VOICE_WORDS = {"we", "our", "you", "your"};
    private static final Pattern QUOTATION_MARK = Pattern.compile("[\"\u201c\u201d\u00ab\u00bb]|''|``|(^|\\s)'\\p{L}");
    private static final Pattern REPORTED_SPEECH = Pattern.compile("\\b(said|says|told|added|according)\\b");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern DIGIT_OR_SENTENCE_MARK = Pattern.compile(".*[\\d!?:;\"\u201c\u201d].*");
    private static final Pattern INITIAL_AT_END = Pattern.compile(".*\\b\\p{Lu}\\.$");

    private BodyText() {
    }

    public static List<String> words(List<String> paragraphs) {
        String text = text(paragraphs);
        return text.isEmpty() ? List.of() : List.of(text.split(" "));
    }

    /** The {@link #words} joined by single spaces, built without a string per word: what the fingerprint hashes. */
    static String text(List<String> paragraphs) {
        StringBuilder text = new StringBuilder();
        for (String paragraph : story(paragraphs)) {
            appendWords(Normalizer.normalize(paragraph, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT), text);
        }
        return text.toString();
    }

    /**
     * The paragraphs of the story itself, as written: without the outlet's front matter (what comes before the
     * dateline: an editor's note, a promotion, the byline), the dateline, credit lines, promotions, and the footer
     * that follows the story's sign-off (a credit line or copyright notice, then only short paragraphs).
     */
    static List<String> story(List<String> paragraphs) {
        List<String> story = new ArrayList<>();
        boolean datelineSeen = false;
        int end = signOff(paragraphs);
        for (int index = 0; index < end; index++) {
            String text = paragraphs.get(index).strip();
            boolean head = index < HEAD_PARAGRAPHS;
            if (text.isEmpty() || isCredit(text) || isPromotion(text) || (head && isByline(text))) {
                continue;
            }
            if (head && !datelineSeen) {
                Matcher dateline = DATELINE.matcher(text);
                datelineSeen = dateline.lookingAt() && dateline.end() > 0;
                text = datelineSeen ? text.substring(dateline.end()) : text;
                if (datelineSeen && story.stream().allMatch(BodyText::isShort)) {
                    story.clear();
                }
            }
            story.add(text);
        }
        return story;
    }

    /**
     * Where the story ends: at its sign-off, a credit line or copyright notice followed only by a few short
     * paragraphs (the outlet's footer: related coverage, appeals, notes); else after the last paragraph. A credit
     * line followed by longer text is inside the story (a roundup's), so the text after it stays.
     */
    private static int signOff(List<String> paragraphs) {
        int end = paragraphs.size();
        for (int i = paragraphs.size() - 1; i > 0 && paragraphs.size() - i <= FOOTER_PARAGRAPHS + 1; i--) {
            String text = paragraphs.get(i).strip();
            if (isCredit(text)) {
                end = i;
            } else if (!isShort(text)) {
                break;
            }
        }
        return end;
    }

    /** At most {@link #CREDIT_MAX_WORDS} words; counted without splitting, since every paragraph is asked. */
    static boolean isShort(String paragraph) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < paragraph.length() && words <= CREDIT_MAX_WORDS; i++) {
            boolean space = Character.isWhitespace(paragraph.charAt(i));
            words += !space && !inWord ? 1 : 0;
            inWord = !space;
        }
        return words <= CREDIT_MAX_WORDS;
    }

    /** A credit line ("Reporting by ...", "... contributed to this report.") or a copyright notice. */
    static boolean isCredit(String paragraph) {
        return isShort(paragraph) && (CREDIT_OPENING.matcher(paragraph).lookingAt()
                || hasAsciiWord(paragraph, NOTICE_WORDS) && CREDIT_NOTICE.matcher(paragraph).find());
    }

    /**
     * A short paragraph in which the outlet addresses its readers (a newsletter, subscription or tip line), told
     * from story text by speaking as "we" or to "you" outside any quotation or reported speech.
     */
    static boolean isPromotion(String paragraph) {
        return isShort(paragraph) && hasAsciiWord(paragraph, VOICE_WORDS) && OUTLET_VOICE.matcher(paragraph).find()
                && !QUOTATION_MARK.matcher(paragraph).find() && !REPORTED_SPEECH.matcher(paragraph).find();
    }

    /**
     * Whether one of {@code words} (lower-case ASCII letters) stands alone in {@code text}, in any case: with no ASCII
     * letter, digit or underscore either side. A pattern's {@code \bword\b} matches only where it does, so a
     * paragraph without any skips the pattern: one cheap pass instead of trying a pattern at every character.
     */
    static boolean hasAsciiWord(String text, String... words) {
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i < text.length() && isAsciiWordChar(text.charAt(i))) {
                continue;
            }
            for (String word : words) {
                if (i - start == word.length() && text.regionMatches(true, start, word, 0, word.length())) {
                    return true;
                }
            }
            start = i + 1;
        }
        return false;
    }

    private static boolean isAsciiWordChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }

    /**
     * A byline: "By ..." or a name with the outlet or role ("Jane Doe | AFP", "JANE DOE, Associated Press
     * Writer"): a short line of capitalised words without digits or a sentence's final punctuation.
     */
    static boolean isByline(String paragraph) {
        if (spaceSeparated(paragraph) > BYLINE_MAX_WORDS + 2) {
            return false;
        }
        String[] tokens = SPACES.split(paragraph);
        if (tokens.length < 2 || tokens.length > BYLINE_MAX_WORDS + 2 || DIGIT_OR_SENTENCE_MARK.matcher(paragraph).matches()
                || paragraph.endsWith(".") && !INITIAL_AT_END.matcher(paragraph).matches()) {
            return false;
        }
        for (String token : tokens) {
            if (!BYLINE_WORD.matcher(token).matches()) {
                return false;
            }
        }
        return tokens[0].equalsIgnoreCase("by") || NAME_WITH_AFFILIATION.matcher(paragraph).matches();
    }

    /** How many runs of characters other than {@code \s} the text has: at most what {@code \s+} splits it into. */
    private static int spaceSeparated(String text) {
        int runs = 0;
        boolean inRun = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean space = c == ' ' || c >= '\t' && c <= '\r';
            runs += !space && !inRun ? 1 : 0;
            inRun = !space;
        }
        return runs;
    }

    /** The runs of letters and digits, each after a space unless it is the first. */
    private static void appendWords(String text, StringBuilder words) {
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean part = i < text.length() && Character.isLetterOrDigit(text.charAt(i));
            if (part && start < 0) {
                start = i;
            } else if (!part && start >= 0) {
                if (!words.isEmpty()) {
                    words.append(' ');
                }
                words.append(text, start, i);
                start = -1;
            }
        }
    }
}
