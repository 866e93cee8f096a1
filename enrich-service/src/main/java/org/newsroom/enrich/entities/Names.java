package org.newsroom.enrich.entities;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Spelling-tolerant forms of names: folded case and accents, and a key that joins transliterations. */
final class Names {

    // Compiled once: it runs for every capitalised word with an accent.
    private static final Pattern MARKS = Pattern.compile("\\p{M}");

    private Names() {
    }

    /** Lower case without accents: "Nicolás" and "Nicolas" fold alike. */
    static String fold(String name) {
        if (ascii(name)) { // nothing to decompose, no marks, no ’: recognition folds many words per article
            return name.toLowerCase(Locale.ROOT);
        }
        return MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("")
                .toLowerCase(Locale.ROOT).replace('’', '\'');
    }

    /** {@link #fold} without full stops, as words are looked up in lists and the gazetteer: "U.S." is "us". */
    static String lookupKey(String text) {
        return fold(text).replace(".", "");
    }

    private static boolean ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /**
     * A key for one name part that transliteration variants share: "Sergei"/"Sergey", "Aleksandr"/"Alexandr",
     * doubled letters. Misspellings beyond that are left to {@link #close}.
     */
    static String key(String part) {
        String folded = fold(part);
        StringBuilder letters = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) { // [^a-z] removed
            char c = folded.charAt(i);
            if (c >= 'a' && c <= 'z') {
                letters.append(c);
            }
        }
        String k = letters.toString().replace("ks", "x").replace("ph", "f").replace("y", "i").replace("ck", "k");
        StringBuilder once = new StringBuilder(k.length());
        for (int i = 0; i < k.length(); i++) { // (.)\1+ replaced by $1: a run of one letter is that letter
            if (i == 0 || k.charAt(i) != k.charAt(i - 1)) {
                once.append(k.charAt(i));
            }
        }
        return once.toString();
    }

    /** Whether two name keys are within a small edit distance (Damerau-Levenshtein), for misspellings. */
    static boolean close(String a, String b) {
        return comparable(a, b) && distance(a, b) <= 2;
    }

    /** The shortest key an edit distance says anything about: shorter ones are only ever equal or not. */
    static final int MIN_COMPARABLE = 5;

    /** Long enough and near enough in length for an edit distance to say anything. */
    private static boolean comparable(String a, String b) {
        return Math.min(a.length(), b.length()) >= MIN_COMPARABLE && Math.abs(a.length() - b.length()) <= 2;
    }

    /**
     * Whether a word written alone is a misspelling of a known surname: {@link #close}, and one letter wrong or the
     * same letters reordered ("Gudaio" for "Guaido"). With nothing else to go by, two edits made other words and
     * names into known surnames ("Medan" into "Teran", "Usher" into "Luther", "Elvis" into "Davis").
     */
    static boolean misspelling(String word, String surname) {
        if (!comparable(word, surname)) {
            return false;
        }
        int distance = distance(word, surname); // once: close() would work it out again
        return distance <= 1 || (distance <= 2 && sameLetters(word, surname));
    }

    private static boolean sameLetters(String a, String b) {
        char[] x = a.toCharArray();
        char[] y = b.toCharArray();
        Arrays.sort(x);
        Arrays.sort(y);
        return Arrays.equals(x, y);
    }

    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    static String titleCase(String words) {
        return Arrays.stream(words.split(" ")).filter(w -> !w.isEmpty())
                .map(w -> Character.toUpperCase(w.charAt(0)) + w.substring(1)).collect(Collectors.joining(" "));
    }
}
