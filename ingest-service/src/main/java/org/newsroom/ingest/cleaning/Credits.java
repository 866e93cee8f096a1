package org.newsroom.ingest.cleaning;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.newsroom.contracts.Removal;

/**
 * Credit lines around a story. Contributor lines ("Matthew Lee in Washington contributed to this story.",
 * "(Reporting by ...; Editing by ...)") and agency credits ("— AFP") are removed and may name the wire
 * agency. Photo captions and credits ("MAXIM SHEMETOV/AFP/Getty Images") are removed too, but never name
 * the story's agency: a photo from AFP says nothing about who wrote the text.
 */
final class Credits {

    /** Paragraphs left after removing credits, and the agency the text credits, if any. */
    record Result(List<String> paragraphs, Optional<String> agency) {
    }

    private static final Pattern PHOTO_CREDIT = Pattern.compile(
            "^(.*?)\\s*\\(?((?:photo|picture|image)s?(?: by|:)\\s*)?(\\p{Lu}[\\p{Lu} .'’-]+(?:/[\\p{L}][\\p{L} .&-]*)+)\\)?$");
    private static final Pattern PHOTO_SOURCES = Pattern.compile(
            "/\\s*(AFP|AP|Reuters|EPA|Getty Images|Shutterstock|Pool|Sipa|ZUMA|Alamy|Bloomberg|NurPhoto|SOPA|TASS|Sputnik"
                    + "|Xinhua|dpa|ANSA|EFE|AAP|PA|Anadolu|picture alliance|Corbis|Imago|Polaris|Redux|File)\\b");
    private static final Pattern CONTRIBUTOR = Pattern.compile(
            "(?i)^.{0,200}\\b(contributed|contributing)( reporting)? (to|for) (this|the) (story|report|article)\\.?$");
    private static final Pattern REUTERS_CREDIT = Pattern.compile(
            "(?i)^\\(?\\s*((additional )?reporting|writing|editing|compiled) by .{2,300}\\)?$");
    private static final Pattern AGENCY_CREDIT = Pattern.compile(
            "(?i)^[-–—(\\[©\\s]*(?:source:\\s*)?([\\p{L} .,/&-]{2,60}?)[)\\]\\s]*(?:\\d{4})?\\.?$");
    private static final Pattern AGENCY_WORDS = Pattern.compile("(?i)(associated press|agence france-presse|reuters)");
    private static final int TAIL = 4;

    private Credits() {
    }

    static Result strip(List<String> paragraphs, List<Removal> removed) {
        List<String> kept = new ArrayList<>();
        Optional<String> agency = Optional.empty();
        int size = paragraphs.size();
        for (int i = 0; i < size; i++) {
            String paragraph = paragraphs.get(i).strip();
            boolean inTail = i >= size - TAIL && i > 0;
            if (photoCaption(paragraph, removed)) {
                continue;
            }
            if (inTail && (CONTRIBUTOR.matcher(paragraph).matches() || REUTERS_CREDIT.matcher(paragraph).matches())) {
                removed.add(new Removal(paragraph, "contributor-line"));
                agency = agency.or(() -> contributorAgency(paragraph));
                continue;
            }
            Optional<String> credited = inTail ? agencyCredit(paragraph) : Optional.empty();
            if (credited.isPresent()) {
                removed.add(new Removal(paragraph, "agency-credit"));
                agency = agency.or(() -> credited);
                continue;
            }
            kept.add(paragraphs.get(i));
        }
        return new Result(kept, agency);
    }

    /** A short paragraph ending in an uppercase NAME/AGENCY photo credit is a caption, not story text. */
    private static boolean photoCaption(String paragraph, List<Removal> removed) {
        if (paragraph.length() > 300 || !paragraph.contains("/")) {
            return false;
        }
        Matcher credit = PHOTO_CREDIT.matcher(paragraph);
        if (!credit.matches() || !PHOTO_SOURCES.matcher(credit.group(3)).find()) {
            return false;
        }
        String caption = credit.group(1).strip();
        if (!caption.isEmpty()) {
            removed.add(new Removal(caption, "photo-caption"));
        }
        int creditStart = credit.start(2) >= 0 ? credit.start(2) : credit.start(3);
        removed.add(new Removal(paragraph.substring(creditStart).strip(), "photo-credit"));
        return true;
    }

    private static Optional<String> contributorAgency(String line) {
        if (REUTERS_CREDIT.matcher(line).matches() && line.toLowerCase(Locale.ROOT).contains("editing by")) {
            return Optional.of("Reuters");
        }
        Matcher named = AGENCY_WORDS.matcher(line);
        if (named.find()) {
            return WireAgencies.named(named.group(1));
        }
        for (String word : line.split("[^\\p{L}]+")) {
            if (word.length() >= 2 && word.equals(word.toUpperCase(Locale.ROOT)) && !word.equals("PA")) {
                Optional<String> agency = WireAgencies.named(word);
                if (agency.isPresent()) {
                    return agency;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> agencyCredit(String paragraph) {
        if (paragraph.length() > 70) {
            return Optional.empty();
        }
        Matcher credit = AGENCY_CREDIT.matcher(paragraph);
        return credit.matches() ? WireAgencies.firstNamedIn(credit.group(1)) : Optional.empty();
    }
}
