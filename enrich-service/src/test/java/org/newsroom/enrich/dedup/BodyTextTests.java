package org.newsroom.enrich.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.newsroom.corpora.BbcNews;
import org.newsroom.corpora.Reuters21578;

class BodyTextTests {

    @Test
    void keepsWordsAndNumbersButNotCaseOrPunctuation() {
        assertThat(BodyText.words(List.of("Shr 1.20 dlrs vs 1.10 dlrs, Net: 4.5 mln!")))
                .containsExactly("shr", "1", "20", "dlrs", "vs", "1", "10", "dlrs", "net", "4", "5", "mln");
    }

    @Test
    void dropsTheLeadingDatelineAndBylineEachOutletRewrites() {
        assertThat(BodyText.words(List.of("By Jane Doe", "LONDON (Reuters) - Oil rose.", "More - later.")))
                .containsExactly("oil", "rose", "more", "later");
        assertThat(BodyText.words(List.of("Moscow (AFP) \u2013 Talks began.")))
                .containsExactly("talks", "began");
        assertThat(BodyText.words(List.of("AKRON, Ohio - Tyres sold.")))
                .containsExactly("tyres", "sold");
    }

    @Test
    void keepsAnOrdinaryFirstSentence() {
        assertThat(BodyText.words(List.of("The company said profits rose - again.")))
                .containsExactly("the", "company", "said", "profits", "rose", "again");
    }

    @Test
    void dropsDatelinesOfOtherStylesWithDatesAgenciesAndTypographicDashes() {
        for (String dateline : List.of("WASHINGTON, Feb. 12 (AP) \u2014 ", "Chicago \u2014 ", "(CNN) -- ",
                "Paris, 12 February (AFP) \u2013 ", "DALLAS, Texas, March 9, 1987 /PRNewswire/ -- ")) {
            assertThat(BodyText.words(List.of(dateline + "Oil prices rose sharply."))).as(dateline)
                    .containsExactly("oil", "prices", "rose", "sharply");
        }
    }

    @Test
    void dropsBylinesOfOtherStylesEvenAfterAnEditorsNote() {
        for (String byline : List.of("Jane Doe | Metro Business Journal", "BY JANE DOE", "Jane Doe, Associated Press Writer",
                "By Jane Doe and Tom Becker", "By Staff Reporter A. Smith")) {
            assertThat(BodyText.words(List.of("Editor's note: updated with comment.", byline, "Oil rose.")))
                    .as(byline).containsExactly("editor", "s", "note", "updated", "with", "comment", "oil", "rose");
        }
    }

    @Test
    void dropsAgencyCreditLinesAndCopyrightNoticesWherever() {
        assertThat(BodyText.words(List.of("Oil rose.",
                "Reporting by Jane Doe in London; additional reporting by Tom Becker; Editing by Sara Lindqvist",
                "(Reporting by Jane Doe; Editing by Tom Becker)",
                "Associated Press writer Tom Becker in Chicago contributed to this report.",
                "\u00a9 1987 Herald Tribune. Distributed by Tribune Content Agency, LLC.",
                "Copyright 2019 The Courier. All rights reserved.",
                "-- Compiled by Jane Doe for the business desk")))
                .containsExactly("oil", "rose");
    }

    @Test
    void keepsStoryParagraphsThatMerelyMentionReportingOrNames() {
        assertThat(BodyText.words(List.of("Oil rose.", "Jane Doe said reporting by the agency was late.",
                "Prices fell in the afternoon")))
                .containsExactly("oil", "rose", "jane", "doe", "said", "reporting", "by", "the", "agency", "was", "late",
                        "prices", "fell", "in", "the", "afternoon");
    }

    @Test
    void ignoresQuotationMarkStyles() {
        assertThat(BodyText.words(List.of("\u201cWe will act,\u201d he said.")))
                .isEqualTo(BodyText.words(List.of("\"We will act,\" he said.")));
    }

    @Test
    void dropsTheOutletsFrontMatterBeforeTheDateline() {
        assertThat(BodyText.words(List.of("Editor's note: this story has been updated with comment from analysts.",
                "By Jane Doe", "LONDON (Reuters) - Oil rose.", "More later.")))
                .containsExactly("oil", "rose", "more", "later");
    }

    @Test
    void keepsALongFirstParagraphThatALaterDashOpeningFollows() {
        String lead = "The central bank raised its main interest rate by half a point on Tuesday, the third rise this "
                + "year, and said it was ready to act again if inflation, now at its highest in a decade, did not "
                + "begin to ease by the summer as forecasters had expected.";
        assertThat(BodyText.words(List.of(lead, "Governor Smith — speaking in Frankfurt — defended the move.")))
                .startsWith("the", "central", "bank").endsWith("defended", "the", "move");
    }

    @Test
    void dropsTheFooterThatFollowsTheStorysSignOff() {
        assertThat(BodyText.words(List.of("Oil rose.", "Prices fell.",
                "Associated Press writer Tom Becker in Chicago contributed to this report.",
                "Residents who spoke to the Herald said they had not expected the announcement.",
                "For more company news, read the markets page every morning.")))
                .containsExactly("oil", "rose", "prices", "fell");
    }

    @Test
    void keepsStoryTextThatFollowsACreditLineWhenItIsNotAShortFooter() {
        String longParagraph = "In other business the board approved a dividend of ten cents a share payable next "
                + "month to shareholders of record at the end of this month, and said it expected sales to rise in "
                + "every region it serves during the rest of the year.";
        assertThat(BodyText.words(List.of("Oil rose.", "(Reporting by Jane Doe)", longParagraph, "Prices fell.")))
                .startsWith("oil", "rose", "in", "other").endsWith("prices", "fell");
        assertThat(BodyText.words(List.of("Oil rose.", "(Reporting by Jane Doe)", "Gold fell.", "Tin fell.",
                "Zinc fell.", "Lead fell.")))
                .containsExactly("oil", "rose", "gold", "fell", "tin", "fell", "zinc", "fell", "lead", "fell");
    }

    /**
     * Credit lines and promotions are what their patterns alone, searched at every character, found before the
     * standalone-word pass and the anchored matching: over both corpora and texts where case, accents, marks and
     * neighbours of the words are odd.
     */
    @Test
    void findsTheCreditsAndPromotionsItsPatternsAloneFind() {
        Pattern credit = Pattern.compile("(?i)^[(\\[\\s\u2013\u2014-]*(additional )?"
                + "(reporting|writing|editing|compiled|edited|written|translated|produced) by\\b"
                + "|\\bcontributed( reporting)? to this (report|story|article)"
                + "|^[(\\s]*(\u00a9|\\(c\\)|copyright\\b)|\\ball rights reserved\\b|\\bmay not be (re)?published\\b");
        Pattern voice = Pattern.compile("\\b([Ww]e|[Oo]ur|[Yy]ou|[Yy]our)\\b");
        Pattern quotation = Pattern.compile("[\"\u201c\u201d\u00ab\u00bb]|''|``|(^|\\s)'\\p{L}");
        Pattern reported = Pattern.compile("\\b(said|says|told|added|according)\\b");
        List<String> paragraphs = new ArrayList<>(List.of("\u212Awe will", "we\u0130 x", "e\u0301we x", "caf\u00e9 our x",
                "(C) 2019 Courier", " ( c) x", "\u00a9AP", "ALL RIGHTS RESERVED.", "Our_team x", "our2 x", "YOUR call",
                "Sign up for our newsletter", "CONTRIBUTED TO THIS STORY", "x contributed reporting to this article",
                "It may not be republished", "-- Additional Reporting BY Tom", "[editing by x]", "copyrighted by x",
                "reporting byline", "Whatever you do, \"don't\"", "You said so"));
        Reuters21578.read(Path.of("..", "data", "reuters21578")).forEach(s -> paragraphs.addAll(s.paragraphs()));
        BbcNews.read(Path.of("..", "data", "bbc")).forEach(s -> paragraphs.addAll(s.paragraphs()));
        int credits = 0;
        int promotions = 0;
        for (String p : paragraphs) {
            boolean isCredit = BodyText.isShort(p) && credit.matcher(p).find();
            boolean isPromotion = BodyText.isShort(p) && !quotation.matcher(p).find() && !reported.matcher(p).find()
                    && voice.matcher(p).find();
            assertThat(BodyText.isCredit(p)).as(p).isEqualTo(isCredit);
            assertThat(BodyText.isPromotion(p)).as(p).isEqualTo(isPromotion);
            credits += isCredit ? 1 : 0;
            promotions += isPromotion ? 1 : 0;
        }
        assertThat(credits).isGreaterThanOrEqualTo(8);
        assertThat(promotions).isGreaterThanOrEqualTo(5);
    }
}
