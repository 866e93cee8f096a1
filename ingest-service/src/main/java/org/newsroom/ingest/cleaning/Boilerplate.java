package org.newsroom.ingest.cleaning;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.newsroom.contracts.Removal;

/**
 * Page furniture that sites and aggregators leave in article text: a "Check Also" or "COMMENTS" heading
 * that starts a tail of links or prompts, and single lines such as "Advertisement" or "Sign up for our
 * newsletter". A tail is cut only in the second half of the article and only when it is short, so a real
 * paragraph that happens to follow such a word is never lost.
 */
final class Boilerplate {

    private static final int MAX_TAIL = 6;
    private static final Pattern TAIL_HEADINGS = Pattern.compile(
            "(?i)(check also|see also|read more|read also|also read|related( articles| stories| news| coverage)?"
                    + "|more from .{1,40}|you may also like|recommended( for you)?|more stories|comments?"
                    + "|share this( article)?|most (read|popular)|trending( now)?|latest news|what others are reading"
                    + "|(also|previously|more) on .{1,30})\\s*:?");
    private static final Pattern LINES = Pattern.compile(
            "(?i)(advertisement|advertising|sponsored( content)?|\\(?ad\\)?"
                    + "|please let us know if you('|’)re having issues with commenting\\.?"
                    + "|click here to .{1,120}|sign up (for|to) .{0,80}newsletter.{0,80}"
                    + "|(follow|like) (us|.{1,40}) on (twitter|facebook|instagram|linkedin).{0,80}"
                    + "|share (this|on) .{0,40}|(copyright|©) .{0,100}|all rights reserved\\.?"
                    + "|this (story|article) (was|has been) (updated|corrected).{0,160}|subscribe( now)?.{0,80}"
                    + "|(image|photo|video) (credit|source|copyright).{0,120}|_{3,}|-{3,}|\\*{3,}"
                    + "|continue reading.{0,5}|read more.{0,5}|learn more|comments|\\[?(…|\\.\\.\\.)\\]?"
                    + "|.{1,200} was originally published in .{1,100} on medium.{0,200}|the post .{1,200} appeared first on .{1,100})");

    private Boilerplate() {
    }

    /** The paragraphs without boilerplate; each removal is added to {@code removed}. */
    static List<String> strip(List<String> paragraphs, List<Removal> removed) {
        List<String> kept = new ArrayList<>(cutTail(paragraphs, removed));
        kept.removeIf(paragraph -> {
            boolean boilerplate = paragraph.length() <= 240 && LINES.matcher(paragraph.strip()).matches();
            if (boilerplate) {
                removed.add(new Removal(paragraph, "boilerplate"));
            }
            return boilerplate;
        });
        return kept;
    }

    private static List<String> cutTail(List<String> paragraphs, List<Removal> removed) {
        int size = paragraphs.size();
        for (int i = Math.max(1, size / 2); i < size; i++) {
            String paragraph = paragraphs.get(i).strip();
            if (size - i <= MAX_TAIL && paragraph.length() <= 60 && TAIL_HEADINGS.matcher(paragraph).matches()) {
                String reason = paragraph.toLowerCase(Locale.ROOT).startsWith("comment") ? "comments-prompt" : "related-links";
                paragraphs.subList(i, size).forEach(text -> removed.add(new Removal(text, reason)));
                return paragraphs.subList(0, i);
            }
        }
        return paragraphs;
    }
}
