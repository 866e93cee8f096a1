package org.newsroom.ingest.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.newsroom.contracts.Extraction.Method;

/** The general rules of main-text extraction, each on the kind of page it was made for. */
class MainTextTests {

    /** Paragraph {@code i} of a story: running text with commas, as articles have. */
    private static String paragraph(int i) {
        return "<p>Paragraph " + i + " of the story: the council met on Tuesday, heard the residents, and voted to"
                + " keep the library open for another year, the mayor said.</p>";
    }

    private static String paragraphs(int from, int to) {
        return IntStream.range(from, to).mapToObj(MainTextTests::paragraph).collect(Collectors.joining());
    }

    private static final String SIDEBAR = "<div class=\"sidebar\"><h3>Popular</h3><ul><li><a href=\"/a\">Council"
            + " votes on budget, again</a></li><li><a href=\"/b\">Library hours extended</a></li></ul></div>";

    private static MainText.Result extract(String body) {
        return MainText.extract(Jsoup.parse("<html><head><title>Story</title></head><body>" + body + "</body></html>"));
    }

    private static String text(MainText.Result result) {
        return String.join("\n", result.paragraphs());
    }

    @Test
    void pageWrapperClassedAfterItsSidebarLayoutKeepsTheArticle() {
        MainText.Result result = extract("<div class=\"container penci_sidebar right-sidebar\"><div class=\"inner\">"
                + paragraphs(0, 6) + "</div>" + SIDEBAR + "</div>");

        assertThat(result.paragraphs()).hasSize(6);
        assertThat(text(result)).doesNotContain("Popular");
    }

    @Test
    void headerStyleClassNamesAPageVariantNotAHeader() {
        assertThat(FurnitureNames.wordOf("header-style-2")).isNull();
        assertThat(FurnitureNames.wordOf("site-header")).isEqualTo("header");

        MainText.Result result = extract("<div class=\"header-style-2\"><div class=\"post\">" + paragraphs(0, 5)
                + "</div></div>");

        assertThat(result.paragraphs()).hasSize(5);
    }

    @Test
    void articleInsideElementorWidgetContainerIsKept() {
        assertThat(FurnitureNames.wordOf("elementor-widget-container")).isNull();
        assertThat(FurnitureNames.wordOf("widget")).isEqualTo("widget");

        MainText.Result result = extract("<div class=\"elementor-widget-container\">" + paragraphs(0, 2) + "</div>"
                + "<div class=\"elementor-widget-container\">" + paragraphs(2, 5) + "</div>");

        assertThat(result.paragraphs()).hasSize(5);
    }

    @Test
    void columnClassedNonAdIsNotAnAd() {
        assertThat(FurnitureNames.wordOf("non-ad-column-l")).isNull();
        assertThat(FurnitureNames.wordOf("ad-column")).isEqualTo("ad");

        MainText.Result result = extract("<div class=\"non-ad-column-l\">" + paragraphs(0, 4) + "</div>"
                + "<div class=\"ad-column\"><p>Advertisement: buy the new phone today, it is great.</p></div>");

        assertThat(result.paragraphs()).hasSize(4);
        assertThat(text(result)).doesNotContain("Advertisement");
    }

    @Test
    void furnitureWordIsMatchedAsAClassTokenNotInsideAnotherWord() {
        assertThat(FurnitureNames.wordOf("shadow")).isNull();
        assertThat(FurnitureNames.wordOf("loaded")).isNull();
        assertThat(FurnitureNames.wordOf("share-buttons")).isEqualTo("share");
        assertThat(FurnitureNames.wordOf("post-share")).isEqualTo("share");
    }

    @Test
    void articleBodyContinuedInsidePaywallContainerIsKept() {
        MainText.Result result = extract("<div itemprop=\"articleBody\">" + paragraphs(0, 2)
                + "<div class=\"paywall\">" + paragraphs(2, 6) + "</div></div>");

        assertThat(result.method()).isEqualTo(Method.articleBody);
        assertThat(result.paragraphs()).hasSize(6);
    }

    @Test
    void paragraphsEachInTheirOwnCardAreAllKept() {
        String cards = IntStream.range(0, 6).mapToObj(i -> "<div class=\"card\"><div class=\"card-body\">"
                + "<div class=\"card-text\">" + paragraph(i) + "</div></div></div>").collect(Collectors.joining());

        MainText.Result result = extract("<main><div class=\"cards\">" + cards + "</div></main>" + SIDEBAR);

        assertThat(result.paragraphs()).hasSize(6);
    }

    @Test
    void storySplitByAdRowsKeepsEveryChunk() {
        MainText.Result result = extract("<div class=\"story\">"
                + "<div class=\"row\"><div class=\"col\">" + paragraphs(0, 4) + "</div></div>"
                + "<div class=\"row ad-row\"><div class=\"ad-slot\">Advertisement</div></div>"
                + "<div class=\"row\"><div class=\"col\">" + paragraphs(4, 6) + "</div></div>"
                + "</div>" + SIDEBAR);

        assertThat(result.paragraphs()).hasSize(6);
        assertThat(text(result)).doesNotContain("Advertisement");
    }

    @Test
    void weakCandidateFallsBackToJsonLdArticleBody() {
        String story = "The council voted on Tuesday to keep the library open. Residents had asked for it, and the"
                + " mayor agreed.\\nThe vote was unanimous, officials said, and the budget will be amended next month.";
        MainText.Result result = MainText.extract(Jsoup.parse("<html><head><script type=\"application/ld+json\">"
                + "{\"@type\":\"NewsArticle\",\"headline\":\"Library stays open\",\"articleBody\":\"" + story + "\"}"
                + "</script></head><body><div id=\"app\"><p>Loading the story, please wait a moment.</p></div>"
                + "</body></html>"));

        assertThat(result.method()).isEqualTo(Method.jsonLd);
        assertThat(result.paragraphs()).hasSize(2);
        assertThat(result.confidence()).isLessThan(1);
    }

    @Test
    void pageWithoutRunningTextFallsBackToItsOpenGraphDescription() {
        MainText.Result result = MainText.extract(Jsoup.parse("<html><head><meta property=\"og:description\""
                + " content=\"The council kept the library open.\"></head><body><nav><a href=\"/\">Home</a></nav>"
                + "</body></html>"));

        assertThat(result.method()).isEqualTo(Method.openGraph);
        assertThat(result.paragraphs()).containsExactly("The council kept the library open.");
        assertThat(result.confidence()).isLessThan(0.5);
    }

    @Test
    void wellMarkedLongArticleIsExtractedWithHighConfidence() {
        MainText.Result result = extract("<article><h1>Library stays open</h1>" + paragraphs(0, 12) + "</article>"
                + SIDEBAR);

        assertThat(result.method()).isEqualTo(Method.scoredBlock);
        assertThat(result.confidence()).isGreaterThan(0.8);
        assertThat(text(result)).doesNotContain("Popular");
    }

    @Test
    void pageWrappedInAHeaderElementKeepsItsArticle() {
        MainText.Result result = extract("<header id=\"header\"><div class=\"logo\">Daily Paper</div><main>"
                + paragraphs(0, 5) + "</main></header><footer><p>Copyright Daily Paper, all rights reserved.</p></footer>");

        assertThat(result.paragraphs()).hasSize(5);
        assertThat(text(result)).doesNotContain("Copyright");
    }

    @Test
    void pageWhoseNoScriptVersionHoldsTheArticleIsRead() {
        MainText.Result result = extract("<div id=\"app\"></div><noscript><div id=\"text\">" + paragraphs(0, 5)
                + "</div></noscript><noscript><img src=\"pixel.gif\"></noscript>");

        assertThat(result.paragraphs()).hasSize(5);
    }

    @Test
    void teaserListDoesNotOutscoreAShortArticle() {
        String teasers = IntStream.range(0, 10).mapToObj(i -> "<li class=\"teaser\"><a href=\"/story/" + i
                + "\">Headline number " + i + " of the latest news</a><p>A summary of that other story, with a few"
                + " details, places, and names, as teasers have.</p></li>").collect(Collectors.joining());

        MainText.Result result = extract("<div class=\"story\">" + paragraphs(0, 3) + "</div>"
                + "<div class=\"latest\"><ul>" + teasers + "</ul></div>");

        assertThat(result.paragraphs()).hasSize(3);
        assertThat(text(result)).doesNotContain("Headline number");
    }

    @Test
    void pageShowingOnlyAConsentNoticeFallsBackToTheMuchLongerJsonLdArticleBody() {
        String story = IntStream.range(0, 8).mapToObj(i -> "Paragraph " + i + " of the story: the council met on"
                + " Tuesday, heard the residents, and voted to keep the library open.").collect(Collectors.joining("\\n"));
        String consent = "<div class=\"consent\"><p>We and our partners use cookies and similar technologies, to store"
                + " and access information on your device, for personalised ads and content, ad and content"
                + " measurement, audience insights, and product development. You can accept, or manage your"
                + " choices, at any time, by clicking the settings link at the bottom of every page.</p></div>";

        MainText.Result result = MainText.extract(Jsoup.parse("<html><head><script type=\"application/ld+json\">"
                + "{\"@type\":\"NewsArticle\",\"articleBody\":\"" + story + "\"}</script></head><body>" + consent
                + "</body></html>"));

        assertThat(result.method()).isEqualTo(Method.jsonLd);
        assertThat(result.paragraphs()).hasSize(8);
    }

    @Test
    void relatedHeadlinesAndReadMoreLinesInsideTheStoryAreDropped() {
        MainText.Result result = extract("<div class=\"story\">" + paragraphs(0, 3)
                + "<p><a href=\"/other\">Read more: Council votes on the budget again</a></p>" + paragraphs(3, 5)
                + "<ul><li><a href=\"/a\">Mayor opens the new bridge over the river</a></li>"
                + "<li><a href=\"/b\">Library hours extended for the summer</a></li></ul></div>");

        assertThat(result.paragraphs()).hasSize(5);
        assertThat(text(result)).doesNotContain("Read more", "Mayor opens");
    }

    @Test
    void pageWrittenInDecomposedUnicodeGivesTheComposedText() {
        // "é" as e + combining acute, and Bengali "য়" as its precomposed code point, which NFC decomposes.
        MainText.Result result = extract("<div class=\"post\">" + paragraphs(0, 3)
                + "<p>Le ministre a parle\u0301 mardi, au conseil, de la re\u0301forme des retraites, dit-il.</p>"
                + "<p>\u0986\u099C \u09B6\u09A8\u09BF\u09AC\u09BE\u09B0 \u09A6\u09BF\u0995\u09C7 \u09AB\u09BF\u09B2\u09BF\u09AA\u09A8\u0997\u09B0 \u0997\u09CD\u09B0\u09BE\u09AE\u09C7 \u098F \u0998\u099F\u09A8\u09BE \u0998\u099F\u09C7, \u09A6\u09C7\u09DF\u09BE.</p></div>");

        assertThat(text(result)).contains("a parl\u00E9 mardi", "de la r\u00E9forme")
                .contains("\u09A6\u09C7\u09AF\u09BC\u09BE").doesNotContain("e\u0301", "\u09DF");
    }

    @Test
    void articleBodyMarkupOnRelatedPostExcerptsDoesNotHideTheUnmarkedStory() {
        String cards = IntStream.range(0, 3).mapToObj(i -> "<div class=\"post-card\"><h3><a href=\"/p" + i
                + "\">Related post number " + i + "</a></h3><div itemprop=\"articleBody\">Excerpt " + i
                + " of another post, about something else entirely: what the readers of this blog asked last week...</div></div>").collect(Collectors.joining());

        MainText.Result result = extract("<article><div class=\"post-content\">" + paragraphs(0, 8) + "</div>"
                + "<div class=\"more-posts\">" + cards + "</div></article>");

        assertThat(result.method()).isEqualTo(Method.scoredBlock);
        assertThat(result.paragraphs()).hasSize(8);
        assertThat(text(result)).doesNotContain("Excerpt");
    }

    @Test
    void ledeSetApartInItsOwnBoxBeforeTheBodyIsKeptButNotTheTitleBlock() {
        MainText.Result result = extract("<div class=\"article\">"
                + "<div class=\"title-block\"><h1>Library stays open for another year after the council vote</h1>"
                + "<span>Updated on Tuesday at ten in the morning by the city desk</span></div>"
                + "<div class=\"intro\"><p>The city library will stay open for another year after residents filled"
                + " the council chamber to ask for it on Tuesday night.</p></div>"
                + "<div class=\"body\">" + paragraphs(0, 6) + "</div></div>" + SIDEBAR);

        assertThat(result.paragraphs()).hasSize(7);
        assertThat(text(result)).startsWith("The city library will stay open").doesNotContain("Library stays open");
    }

    @Test
    void datelineSpanOpeningTheFirstSentenceStaysInTheSentence() {
        MainText.Result result = extract("<div class=\"entry\"><p><span class=\"dateline\">KOBE &#8211; </span>A"
                + " total of 6,000 masks were lost at a hospital, it was learned Tuesday, the police said.</p>"
                + paragraphs(0, 4) + "</div>" + SIDEBAR);

        assertThat(text(result)).startsWith("KOBE \u2013 A total of 6,000 masks");
    }

    @Test
    void ledeBoxAboveTheBoxHoldingTheBodyAndItsFurnitureIsKept() {
        MainText.Result result = extract("<div class=\"content\"><div class=\"field perex\"><p>The health minister"
                + " was seen in a restaurant late on Wednesday without a mask, and calls for him to resign grew.</p></div>"
                + "<div class=\"field body\"><div class=\"share-tools\"><a href=\"/s\">Share</a></div>"
                + "<div class=\"text\">" + paragraphs(0, 6) + "</div></div></div>" + SIDEBAR);

        assertThat(result.paragraphs()).hasSize(7);
        assertThat(text(result)).startsWith("The health minister");
    }

    @Test
    void introBoxAboveTheMarkedArticleBodyIsKept() {
        MainText.Result result = extract("<div class=\"news\"><div class=\"row\"><div class=\"teaser-text\">"
                + "<p>Volunteers at the repair cafe fix broken appliances for free, and the next session is on Friday"
                + " afternoon.</p>"
                + "</div></div><div class=\"row\"><div class=\"col\"><div itemprop=\"articleBody\">"
                + paragraphs(0, 4) + "</div></div></div></div>" + SIDEBAR);

        assertThat(result.method()).isEqualTo(Method.articleBody);
        assertThat(result.paragraphs()).hasSize(5);
        assertThat(text(result)).startsWith("Volunteers at the repair cafe");
    }

    @Test
    void storyCutIntoSeveralSectionsOfTheLayoutKeepsEveryPieceButNotTheTitleBox() {
        // Each piece of the story sits deep in its own layout section, in a box of the same class; a long list of
        // related headlines between them keeps the page as a whole from reading as the story.
        String related = "<section class=\"row\"><ul class=\"more-stories\">" + IntStream.range(0, 10)
                .mapToObj(i -> "<li><a href=\"/r" + i + "\">Another story from the city desk about the council, number "
                        + i + "</a></li>").collect(Collectors.joining()) + "</ul></section>";
        MainText.Result result = extract("<main>"
                + "<section class=\"row\"><div class=\"block-inner\"><h1>Library stays open after the council"
                + " vote</h1></div></section>"
                + "<section class=\"row\"><div class=\"col\"><div class=\"wrap\"><div class=\"inner\"><div class=\"cell\">"
                + "<div class=\"block-inner\">" + paragraphs(0, 2) + "</div></div></div></div></div></section>"
                + related
                + "<section class=\"row\"><div class=\"col\"><div class=\"wrap\"><div class=\"inner\"><div class=\"cell\">"
                + "<div class=\"block-inner\">" + paragraphs(2, 8) + "</div></div></div></div></div></section>"
                + "</main>" + SIDEBAR);

        assertThat(result.paragraphs()).hasSize(8);
        assertThat(text(result)).startsWith("Paragraph 0").doesNotContain("Library stays open")
                .doesNotContain("Another story");
    }

    @Test
    void ledeWrittenAsAHeadingBeforeTheBodyIsKeptButNotAHeadingTitle() {
        MainText.Result result = extract("<div class=\"article\">"
                // a title of lede length: only its lack of a sentence end tells it from a standfirst
                + "<div class=\"title\"><h2>Library stays open for another year after the council vote on Tuesday"
                + " night in the town hall</h2></div>"
                + "<div class=\"lead\"><h2>The city library will stay open for another year after residents filled"
                + " the council chamber to ask for it. The vote was unanimous.</h2></div>"
                + "<div class=\"body\">" + paragraphs(0, 6) + "</div></div>" + SIDEBAR);

        assertThat(result.paragraphs()).hasSize(7);
        assertThat(text(result)).startsWith("The city library will stay open").doesNotContain("Library stays open");
    }

    @Test
    void aStoryFollowedByExcerptsOfOtherPostsInItsOwnBoxClassKeepsOnlyTheStory() {
        // Two excerpts, each in its own layout column: too few and too far apart to read as a teaser list.
        String excerpts = IntStream.range(0, 2).mapToObj(i -> "<div class=\"col\"><div class=\"post\"><h2><a href=\"/p"
                + i + "\">Another post from the blog, number " + i + "</a></h2><p>Excerpt " + i + " of that other post:"
                + " the choir sang, the bakery opened, and the bridge was painted, the residents wrote.</p></div></div>")
                .collect(Collectors.joining());

        MainText.Result result = extract("<main><div class=\"post\">" + paragraphs(0, 8) + "</div></main>"
                + "<section class=\"row\">" + excerpts + "</section>");

        assertThat(result.paragraphs()).hasSize(8);
        assertThat(text(result)).doesNotContain("Excerpt");
    }

    @Test
    void aLongQuestionHeadlineThatIsThePageTitleIsNotAStandfirst() {
        String headline = "Will the city library stay open for another year after the council vote on Tuesday night?";
        String body = "<body><div class=\"article\"><div class=\"title\"><h2>" + headline + "</h2></div>"
                + "<div class=\"body\">" + paragraphs(0, 6) + "</div></div>" + SIDEBAR + "</body>";

        // The page names its title in <title>, with the site's name after it, or in og:title.
        for (String head : new String[] {"<title>" + headline + " | Daily Paper</title>",
                "<meta property=\"og:title\" content=\"" + headline.toUpperCase(Locale.ROOT) + "\">"}) {
            MainText.Result result = MainText.extract(Jsoup.parse("<html><head>" + head + "</head>" + body + "</html>"));

            assertThat(result.paragraphs()).as(head).hasSize(6);
            assertThat(text(result)).as(head).startsWith("Paragraph 0").doesNotContain("Will the city library");
        }
    }

    @Test
    void aSentenceWithAnInlinePictureSetInSpansIsKeptNotTakenForAnImageBox() {
        MainText.Result result = extract("<div class=\"article\">" + paragraphs(0, 6)
                + "<div><span>Residents cheered</span> <img src=\"clap.png\" alt=\"\"> <span>in the chamber.</span></div>"
                + "</div>" + SIDEBAR);

        assertThat(String.join("\n", result.paragraphs())).contains("Residents cheered");
    }

    @Test
    void imageBoxWithACreditLineIsDroppedLikeAFigure() {
        MainText.Result result = extract("<div class=\"entry\">" + paragraphs(0, 3)
                + "<div class=\"media\"><a href=\"/library-large.jpg\"><picture><img src=\"/library.jpg\"></picture></a>"
                + "<div class=\"media-info\"><small>(photo: Jane Doe,"
                + " City Desk Agency)</small></div></div>"
                + "<div>Residents cheered when the vote was read out <img src=\"/smile.png\" alt=\"\"> in the chamber.</div>"
                + paragraphs(3, 6) + "</div>" + SIDEBAR);

        assertThat(text(result)).doesNotContain("Jane Doe").contains("Residents cheered when the vote was read out");
        assertThat(result.paragraphs()).hasSize(7);
    }

    @Test
    void readAlsoLinesSetAsAMinorHeadingOrAQuoteInsideTheStoryAreDropped() {
        MainText.Result result = extract("<div class=\"entry\">" + paragraphs(0, 3)
                + "<h6><strong>See also: </strong><a href=\"/budget\">Council votes on the library budget for next"
                + " year</a></h6>"
                + "<blockquote><b>READ: </b><a href=\"/hours\">Library opening hours extended to the weekend</a></blockquote>"
                + "<blockquote>We will keep the doors open, the mayor said, as long as the town needs them.</blockquote>"
                + paragraphs(3, 6) + "</div>" + SIDEBAR);

        assertThat(text(result)).doesNotContain("See also").doesNotContain("READ:")
                .contains("We will keep the doors open");
    }

    @Test
    void readMoreLinkLineInsideTheMarkedArticleBodyIsDropped() {
        MainText.Result result = extract("<div itemprop=\"articleBody\">" + paragraphs(0, 4)
                + "<div class=\"frame\"><strong><a href=\"/edition\">READ MORE IN THE DIGITAL EDITION OF THE DAILY"
                + " &gt;&gt;&gt;</a></strong></div></div>" + SIDEBAR);

        assertThat(result.method()).isEqualTo(Method.articleBody);
        assertThat(result.paragraphs()).hasSize(4);
        assertThat(text(result)).doesNotContain("READ MORE");
    }

    @Test
    void shortArticleNextToALongerSignUpFormIsReadNotTheForm() {
        // The form holds more running text than the story, but the page's headline is outside it: not a page wrapper.
        MainText.Result result = extract("<article><h1>Privatising the airports serves investors, not travellers</h1>"
                + "<div class=\"intro\"><p>Our spokeswoman was on the radio this morning to talk about the referendum"
                + " petition, launched today, that could stop the sale of the airports to private investors.</p></div>"
                + "<p>To listen to the interview again, click on the player below this line.</p></article>"
                + "<form action=\"/subscribe\"><p>Receive our news: the monthly letter and the calls to action, two or"
                + " three emails a month at most, never more.</p><p>Receive local news: the next events organised by the"
                + " local group closest to where you live, in your town.</p><p>Take part in the local group: get in touch"
                + " with the members near you, and act with them, every week.</p><p>By filling in this form you join our"
                + " mailing list; you can leave it at any time, with the link in every email.</p></form>");

        assertThat(text(result)).contains("referendum petition").doesNotContain("mailing list");
    }

    @Test
    void pageWrappedInAFormUnderASiteNameSetAsAHeadlineKeepsItsArticle() {
        // The h1 outside the form is the site's name in the top bar: it heads no story there.
        MainText.Result result = extract("<div id=\"top\"><h1><a href=\"/\">Daily Paper</a></h1></div>"
                + "<form id=\"aspnetForm\" action=\"/default.aspx\"><div class=\"story\">" + paragraphs(0, 5)
                + "</div></form>");

        assertThat(result.paragraphs()).hasSize(5);
    }

    @Test
    void pageWrappedInAFormBesideALongHeadlineStandingAloneKeepsItsArticle() {
        // The headline is long enough to be a lede by its length, but nothing outside the form reads under it.
        MainText.Result result = extract("<h1>Council approves the new library budget after a long night of questions"
                + " from residents</h1><form id=\"aspnetForm\" action=\"/default.aspx\"><div class=\"story\">"
                + paragraphs(0, 5) + "</div></form>");

        assertThat(result.paragraphs()).hasSize(5);
    }

    @Test
    void pageWrappedInAFormBesideAHeadlinedBoxOfFurnitureKeepsItsArticle() {
        // "Most read" is set as an h1 with its list, in an aside: furniture, which heads no story.
        MainText.Result result = extract("<aside><h1>Most read</h1><p>Council approves the library budget after a long"
                + " night of questions, and the mayor thanks the residents who came.</p></aside>"
                + "<form id=\"aspnetForm\" action=\"/default.aspx\"><div class=\"story\">" + paragraphs(0, 5)
                + "</div></form>");

        assertThat(result.paragraphs()).hasSize(5);
    }

    @Test
    void comparisonTableWithIconsInItsCellsSetInAFigureIsKept() {
        MainText.Result result = extract("<div class=\"story\">" + paragraphs(0, 3)
                + "<figure><table><tr><th>Bank</th><th>Fees</th></tr>"
                + "<tr><td><img src=\"first.png\" alt=\"\"> First Bank</td><td>No monthly fee, 2 dollars per wire</td></tr>"
                + "<tr><td><img src=\"union.png\" alt=\"\"> Union Savings</td><td>5 dollars a month, wires free</td></tr>"
                + "</table></figure>" + paragraphs(3, 6) + "</div>" + SIDEBAR);

        assertThat(text(result)).contains("No monthly fee, 2 dollars per wire").contains("wires free");
    }

    @Test
    void tableOfTheStorySetInAFigureIsKeptButNotAPictureCaption() {
        MainText.Result result = extract("<div class=\"story\">" + paragraphs(0, 3)
                + "<figure class=\"comparison-table\"><table><tr><th>Account</th><th>Fees</th></tr>"
                + "<tr><td>Wire transfer</td><td>10 dollars, 25 outgoing</td></tr>"
                + "<tr><td>SWIFT (GBP)</td><td>Free deposit, 1 GBP withdrawal</td></tr></table></figure>"
                + "<figure><img src=\"council.jpg\"><figcaption>The council chamber on Tuesday evening.</figcaption></figure>"
                + "<figure><table><tr><td><img src=\"mayor.jpg\"></td></tr><tr><td>The mayor at the door of the"
                + " library.</td></tr></table></figure>"
                + paragraphs(3, 6) + "</div>" + SIDEBAR);

        assertThat(text(result)).contains("Free deposit, 1 GBP withdrawal").doesNotContain("council chamber")
                .doesNotContain("mayor at the door");
    }
}
