package org.newsroom.ingest.parsing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.newsroom.contracts.Extraction.Method;

/**
 * Main-text extraction from a news page, readability style: page furniture is dropped by tag and by class/id
 * token, every block of running text scores its ancestors by length and punctuation, the best-scoring container
 * wins together with siblings that score nearly as well (stories split into several columns) and the lede boxes set
 * apart above it, and a container the publisher marked as {@code itemprop=articleBody} is trusted first unless it
 * marks teasers. When the best container is weak, the
 * page's own summary of the article (JSON-LD {@code articleBody}, Open Graph description) or its largest block of
 * running text is taken instead, and the result says which path it took and how sure it is.
 */
final class MainText {

    /** The paragraphs found, how they were found and how sure the extractor is (0 to 1). */
    record Result(List<String> paragraphs, Method method, double confidence) {

        Result {
            paragraphs = List.copyOf(paragraphs);
        }

        /** Nothing found: the page is refused, so no path is named. */
        static final Result NONE = new Result(List.of(), null, 0);

        int length() {
            return paragraphs.stream().mapToInt(String::length).sum();
        }
    }

    /** Comment threads are running text too, but never the article: no amount of text saves them. */
    private static final Set<String> ALWAYS_FURNITURE = Set.of("comment", "comments", "disqus");
    private static final Pattern LIKELY = Pattern.compile(
            "(?i)(article|body|content|entry|main|page|post|story|text|blog)");
    private static final Pattern COMMAS = Pattern.compile("[,，、]");
    /** Elements that say by their tag that they hold the page's content, whatever their class says. */
    private static final Set<String> NEVER_FLAGGED = Set.of("body", "article", "main");
    /** Furniture by its tag alone; figures go too, unless they set out a table of the story's data. */
    private static final String FURNITURE_TAGS = "script, style, iframe, button, select, input, textarea, svg,"
            + " figcaption, template, object, embed, video, audio, [hidden],"
            + " [aria-hidden=true], [style*=display:none], [style*=display: none]";
    /** Rows of text a table needs to be data (a comparison, fees), not a picture laid out with its caption. */
    private static final int DATA_ROWS = 3;
    /**
     * Furniture by its tag or role, unless it holds most of the page's running text: some themes wrap the whole
     * page in {@code <header>} or a {@code <form>}, and some pages put their no-script version, article included,
     * in {@code <noscript>}.
     */
    private static final String STRUCTURAL_FURNITURE = "noscript, nav, header:not(article header), footer, aside, form,"
            + " [role=navigation], [role=complementary]";
    private static final int MIN_BLOCK = 25;
    private static final double SIBLING_SHARE = 0.2;
    private static final int WIDEN_LEVELS = 5;
    private static final double TEASER_WEIGHT = 0.25;
    private static final int TEASER_ITEMS = 3;
    private static final int TEASER_DEPTH = 3;
    private static final int HEADLINE_LINK = 20;
    private static final int TEASER_LENGTH = 400;
    private static final double TEASER_LINK_SHARE = 0.2;
    private static final double WIDEN_GAIN = 1.5;
    private static final double RUNNING_SHARE = 0.6;
    private static final double WIDEN_LINKS = 0.3;
    /** A flagged element holding this share of the page's running text is the article, whatever its class says. */
    private static final double ARTICLE_SHARE = 0.5;
    /** Below this many characters the best container is weak and the page's own article metadata is tried. */
    private static final int WEAK_LENGTH = 300;
    private static final String LINK_BLOCKS = "p, ul, ol, div, section, table, h2, h3, h4";
    private static final double LINK_BLOCK_DENSITY = 0.5;
    /** Blocks that may be a link-only line inside the story: "Read also: …" is set as a minor heading or a quote too. */
    private static final String LINK_LINES = LINK_BLOCKS + ", h5, h6, blockquote";
    /** How much longer than the scored text the JSON-LD {@code articleBody} must be to be taken instead. */
    private static final double JSON_LD_LONGER = 2;
    /** The text of an {@code articleBody} container trusted without scoring. */
    private static final int MARKED_LENGTH = 200;
    /** The scored text must be this many times longer than the marked text to overrule the markup. */
    private static final int MARKED_TEASERS = 3;
    /**
     * A sibling paragraph (a lede, an intro box) of this much text without links joins the best container; a lede
     * is a sentence or three, so a longer box is a story of its own.
     */
    private static final int LEDE_LENGTH = 80;
    private static final int LEDE_MAX = 600;
    private static final double LEDE_LINKS = 0.25;
    private static final int LEDE_LEVELS = 2;
    /** A block with a heading in it is the story's title block, not its lede. */
    static final String HEADINGS = "h1, h2, h3, h4, h5, h6";
    private static final Evaluator TITLE = QueryParser.parse("h1");
    private static final Evaluator STRUCTURAL = QueryParser.parse(STRUCTURAL_FURNITURE);
    /** Parsed once too: tested on every earlier sibling of the best container, and in every container's lines. */
    private static final Evaluator ANY_HEADING = QueryParser.parse(HEADINGS);
    private static final Evaluator LINK_LINE_BLOCKS = QueryParser.parse(LINK_LINES);
    /** A heading of standfirst length that ends a sentence is a lede, not a title. */
    private static final Pattern SENTENCE_END = Pattern.compile(".*[.!?…»\"”)]$");
    /** Titles are compared with runs of spaces as one: {@code og:title} is an attribute, not normalised text. */
    private static final Pattern SPACES = Pattern.compile("[\\s\u00a0]+");
    /** Parsed once: tested on every teaser candidate and on every box repeated from the best one. */
    private static final Evaluator LINKS = QueryParser.parse("a");

    private MainText() {
    }

    static Result extract(Document page) {
        if (page.body() == null) {
            return Result.NONE;
        }
        Element body = withoutFurnitureTags(page.body());
        List<String> titles = PageMetadata.titles(page).stream().map(MainText::comparable).toList();
        // Read on a copy: the markup is weighed against what scoring finds on the whole body.
        Result marked = body.selectFirst("[itemprop=articleBody]") == null ? null : markedBody(body.clone(), titles);
        removeFlagged(body, runningText(body));
        Result scored = scoredBlock(body, titles);
        // articleBody markup on the excerpts of related-post cards marks teasers, not the story: scoring finds a
        // story several times longer than all the marked text together.
        if (marked != null && MARKED_TEASERS * marked.length() >= scored.length()) {
            return marked;
        }
        String jsonLdBody = PageMetadata.articleBody(page);
        Result jsonLd = jsonLdBody == null ? Result.NONE
                : new Result(HtmlText.paragraphs(jsonLdBody.replace("\n", "<br>")), Method.jsonLd, 0.6);
        // The publisher's own copy of the text, much longer than what scoring found: the best box was a fragment.
        if (jsonLd.length() >= WEAK_LENGTH && jsonLd.length() >= JSON_LD_LONGER * scored.length()) {
            return jsonLd;
        }
        if (scored.length() >= WEAK_LENGTH) {
            return scored;
        }
        // A weak best candidate: the page's own statement of its article, then its largest block of text.
        List<Result> fallbacks = new ArrayList<>();
        fallbacks.add(scored);
        fallbacks.add(jsonLd);
        fallbacks.add(largestBlock(withoutFurnitureTags(page.body())));
        Result best = fallbacks.stream().max((a, b) -> Integer.compare(a.length(), b.length())).orElseThrow();
        if (best.length() == 0) {
            String description = PageMetadata.description(page);
            return description == null ? Result.NONE : new Result(List.of(description), Method.openGraph, 0.2);
        }
        return best;
    }

    /** A copy of the page's body without the elements that are furniture by their tag alone. */
    private static Element withoutFurnitureTags(Element pageBody) {
        Element body = pageBody.clone();
        body.select(FURNITURE_TAGS).remove();
        body.select("figure").stream().filter(figure -> !holdsADataTable(figure)).forEach(Element::remove);
        ImageBoxes.remove(body);
        Map<Element, Integer> running = runningText(body);
        int total = running.getOrDefault(body, 0);
        // Headlines in furniture (a site name in the top bar's <header>, "Most read" in an aside) head no story.
        List<Element> headlines = body.select(TITLE).stream()
                .filter(headline -> headline.closest(STRUCTURAL) == null).toList();
        for (Element element : body.select(STRUCTURAL)) {
            if (total == 0 || running.getOrDefault(element, 0) < ARTICLE_SHARE * total
                    || headlines.stream().anyMatch(headline -> headsAStoryOutside(headline, element, running))) {
                element.remove();
            }
        }
        return body;
    }

    /**
     * Whether a headline outside {@code box} heads a story of its own there: the largest box around it that stays
     * outside {@code box} holds a lede's worth of running text besides the headline. A site name set as an
     * {@code h1} in the page's top bar heads none, nor does a long headline standing alone beside a page wrapped in
     * a {@code <form>}: that page keeps its article.
     */
    private static boolean headsAStoryOutside(Element headline, Element box, Map<Element, Integer> running) {
        // The headlines asked about are outside all furniture, this box included.
        Element story = headline;
        while (story.parent() != null && !within(box, story.parent())) {
            story = story.parent();
        }
        return running.getOrDefault(story, 0) - running.getOrDefault(headline, 0) >= LEDE_LENGTH;
    }

    /**
     * A figure that sets out a table of the story's data: {@value #DATA_ROWS} rows or more with text in two cells
     * (a comparison, fees; picture cells may sit among them), not a picture laid out in a table with its caption.
     */
    private static boolean holdsADataTable(Element figure) {
        for (Element table : figure.getElementsByTag("table")) {
            long rows = table.getElementsByTag("tr").stream()
                    .filter(row -> row.children().stream().filter(Element::hasText).count() >= 2)
                    .limit(DATA_ROWS).count();
            if (rows >= DATA_ROWS) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code element} is {@code box} or inside it. */
    private static boolean within(Element element, Element box) {
        for (Element up = element; up != null; up = up.parent()) {
            if (up == box) {
                return true;
            }
        }
        return false;
    }

    /** The container(s) the publisher marked as the article body, when they hold enough text to trust. */
    private static Result markedBody(Element body, List<String> titles) {
        List<Element> marked = body.select("[itemprop=articleBody]").stream()
                .filter(element -> element.parents().stream().noneMatch(p -> p.attr("itemprop").equals("articleBody")))
                .toList();
        if (marked.isEmpty() || marked.stream().mapToInt(element -> element.text().length()).sum() < MARKED_LENGTH) {
            return null;
        }
        List<String> paragraphs = new ArrayList<>();
        // The summary set apart above the marked body (an intro box outside the markup) is the story's first lines.
        // Its own siblings, then the same levels up as for a scored container's.
        for (Element lede : ledesBefore(marked.getFirst(), body, LEDE_LEVELS + 1, runningText(body),
                TextStats.of(body), titles)) {
            paragraphs.addAll(HtmlText.paragraphs(lede));
        }
        for (Element element : marked) {
            removeFlagged(element, runningText(element));
            // A "read more in the print edition" line inside the marked body is as much furniture as in a scored one.
            dropLinkLines(element, runningText(element), TextStats.of(element));
            paragraphs.addAll(HtmlText.paragraphs(element));
        }
        int length = paragraphs.stream().mapToInt(String::length).sum();
        return new Result(paragraphs, Method.articleBody, Math.min(1, 0.7 + length / 5000.0));
    }

    /** Inside the story: link lists and link-only lines ("Read more: …", related headlines) are furniture. */
    private static void dropLinkLines(Element container, Map<Element, Integer> running, TextStats stats) {
        for (Element inner : container.select(LINK_LINE_BLOCKS)) {
            if (inner != container && running.getOrDefault(inner, 0) == 0
                    && stats.linkDensity(inner) > LINK_BLOCK_DENSITY) {
                inner.remove();
            }
        }
    }

    private static Result scoredBlock(Element body, List<String> titles) {
        TextStats stats = TextStats.of(body);
        List<Element> containers = bestContainers(body, stats, titles);
        Map<Element, Integer> running = runningText(body);
        containers.forEach(container -> dropLinkLines(container, running, stats));
        List<String> paragraphs = new ArrayList<>();
        containers.forEach(container -> paragraphs.addAll(HtmlText.paragraphs(container)));
        if (paragraphs.isEmpty()) {
            return Result.NONE;
        }
        int length = paragraphs.stream().mapToInt(String::length).sum();
        double links = containers.stream().mapToDouble(stats::linkDensity).max().orElse(0);
        // Confidence grows with the running text found and falls with the share of it that is links.
        return new Result(paragraphs, Method.scoredBlock, Math.min(1, length / 1500.0) * (1 - links));
    }

    /** The block with the most running text on the page, for pages whose furniture hides the article. */
    private static Result largestBlock(Element body) {
        Map<Element, Integer> running = runningText(body);
        Element largest = null;
        int most = 0;
        for (Element block : body.select("*")) {
            int own = ownText(block).length();
            if (own > most && HtmlText.BLOCKS.contains(block.normalName()) && linkDensity(block) < 0.5) {
                largest = block;
                most = own;
            }
        }
        if (largest == null || most < MIN_BLOCK) {
            return Result.NONE;
        }
        // A paragraph's container holds its neighbours too: take the container when it is mostly running text.
        Element parent = largest.parent();
        Element chosen = parent != null && parent != body && running.getOrDefault(parent, 0) >= 0.7 * parent.text().length()
                ? parent : largest;
        return new Result(HtmlText.paragraphs(chosen), Method.largestBlock, 0.3);
    }

    /**
     * Removes elements whose class or id names furniture, unless the name also says article/content or the
     * element holds most of the page's running text (a page wrapper classed after its sidebar layout).
     */
    private static void removeFlagged(Element root, Map<Element, Integer> running) {
        int total = running.getOrDefault(root, 0);
        for (Element element : root.select("*")) {
            if (element == root || NEVER_FLAGGED.contains(element.normalName())
                    || inSentence(element)) {
                continue;
            }
            String flag = FurnitureNames.wordOf(element);
            if (flag == null || LIKELY.matcher(element.className() + " " + element.id()).find()
                    && !ALWAYS_FURNITURE.contains(flag)) {
                continue;
            }
            boolean holdsArticle = total > 0 && running.getOrDefault(element, 0) >= ARTICLE_SHARE * total;
            if (!holdsArticle || ALWAYS_FURNITURE.contains(flag)) {
                element.remove();
            }
        }
    }

    /**
     * Whether an element is inline markup inside a paragraph, such as a {@code <span class="dateline">} opening the
     * first sentence: it is part of the sentence, whatever its class says (cleaning takes datelines off, recorded).
     */
    private static boolean inSentence(Element element) {
        Element parent = element.parent();
        return parent != null && parent.normalName().equals("p") && !HtmlText.BLOCKS.contains(element.normalName())
                && element.select(LINK_BLOCKS).isEmpty();
    }

    /**
     * Characters of running text under each element: blocks with at least {@link #MIN_BLOCK} characters of their
     * own text that are neither mostly links nor teasers.
     */
    private static Map<Element, Integer> runningText(Element root) {
        Map<Element, Integer> running = new IdentityHashMap<>();
        Map<Element, Boolean> teasers = new IdentityHashMap<>();
        for (Element block : root.select("*")) {
            if (!HtmlText.BLOCKS.contains(block.normalName()) && !block.normalName().equals("font")) {
                continue;
            }
            String own = ownText(block);
            if (own.length() < MIN_BLOCK || ownLinkText(block) > own.length() / 2 || inTeaser(block, teasers)) {
                continue;
            }
            for (Element ancestor = block; ancestor != null; ancestor = ancestor == root ? null : ancestor.parent()) {
                running.merge(ancestor, own.length(), Integer::sum);
            }
        }
        return running;
    }

    /** The best container, and those of its siblings that hold a fair share of the text too. */
    private static List<Element> bestContainers(Element root, TextStats stats, List<String> titles) {
        Map<Element, Double> scores = scores(root);
        Element best = null;
        double bestScore = 0;
        for (Map.Entry<Element, Double> entry : scores.entrySet()) {
            double score = entry.getValue() * (1 - stats.linkDensity(entry.getKey()));
            if (score > bestScore) {
                best = entry.getKey();
                bestScore = score;
            }
        }
        if (best == null) {
            return List.of();
        }
        Map<Element, Integer> running = runningText(root);
        best = widened(best, root, running, stats);
        bestScore = scores.getOrDefault(best, 0.0) * (1 - stats.linkDensity(best));
        if (best.parent() == null || best == root) {
            return List.of(best);
        }
        List<Element> chosen = new ArrayList<>();
        for (Element sibling : best.parent().children()) {
            double score = scores.getOrDefault(sibling, 0.0) * (1 - stats.linkDensity(sibling));
            boolean sameKind = !best.className().isBlank() && sibling.className().equals(best.className());
            if (sibling == best || score >= bestScore * SIBLING_SHARE || sameKind && score > 0
                    || sibling.siblingIndex() < best.siblingIndex() && isLede(sibling, running, stats, titles)) {
                chosen.add(sibling);
            }
        }
        // A lede box may sit a level or two up, before the box that holds both the body and its furniture.
        chosen.addAll(0, ledesBefore(best.parent(), root, LEDE_LEVELS, running, stats, titles));
        addRepeatedBoxes(best, root, chosen, running, stats);
        return chosen;
    }

    /**
     * The story's own box repeated elsewhere on the page (same tag and class as the best container), each holding
     * running text: the layout cut the story into several rows or sections, and the box of each piece is the same.
     * Added in page order.
     */
    private static void addRepeatedBoxes(Element best, Element root, List<Element> chosen, Map<Element, Integer> running,
                                         TextStats stats) {
        if (best.className().isBlank()) {
            return;
        }
        List<Element> all = root.getAllElements();
        boolean added = false;
        for (Element element : all) {
            // A generic class (post, entry) is on other posts' cards too, and a piece of the story has no headline
            // link of its own. Not its length against the best box's: the layout may cut off a one-paragraph piece.
            if (element == best || !element.normalName().equals(best.normalName())
                    || !element.className().equals(best.className()) || running.getOrDefault(element, 0) == 0
                    || stats.linkDensity(element) > WIDEN_LINKS || overlaps(element, chosen)
                    || element.selectFirst(TITLE) != null || teaserShaped(element)) {
                continue;
            }
            chosen.add(element);
            added = true;
        }
        if (added) {
            Map<Element, Integer> order = new IdentityHashMap<>();
            for (int i = 0; i < all.size(); i++) {
                order.put(all.get(i), i);
            }
            chosen.sort((a, b) -> Integer.compare(order.get(a), order.get(b)));
        }
    }

    /** Whether {@code element} is one of {@code chosen}, inside one, or holds one. */
    private static boolean overlaps(Element element, List<Element> chosen) {
        return chosen.stream().anyMatch(box -> within(element, box) || within(box, element));
    }

    /**
     * The lede boxes before a box and before its ancestors, {@code levels} levels up at most, in page order.
     */
    private static List<Element> ledesBefore(Element box, Element root, int levels, Map<Element, Integer> running,
                                             TextStats stats, List<String> titles) {
        List<Element> ledes = new ArrayList<>();
        Element inner = box;
        for (int level = 0; level < levels && inner != null && inner != root && inner.parent() != null;
             level++, inner = inner.parent()) {
            List<Element> found = new ArrayList<>();
            for (Element sibling : inner.parent().children()) {
                if (sibling.siblingIndex() < inner.siblingIndex() && isLede(sibling, running, stats, titles)) {
                    found.add(sibling);
                }
            }
            ledes.addAll(0, found);
        }
        return ledes;
    }

    /**
     * A sibling of the best container that is one paragraph of running text without links, as a lede or an intro
     * box set apart from the body is: it scores too little to join as a sibling, but it is the story's first lines.
     */
    private static boolean isLede(Element sibling, Map<Element, Integer> running, TextStats stats,
                                  List<String> titles) {
        int text = stats.length(sibling);
        return text >= LEDE_LENGTH && text <= LEDE_MAX && running.getOrDefault(sibling, 0) >= 0.9 * text
                && stats.linkDensity(sibling) < LEDE_LINKS && sibling.selectStream(ANY_HEADING)
                .allMatch(heading -> isStandfirstHeading(heading, titles));
    }

    /**
     * A heading below the title written as a standfirst: one or more sentences of lede length, not a title. A long
     * headline can end a sentence too (a question, a quote): one the page names as its title is the title.
     */
    private static boolean isStandfirstHeading(Element heading, List<String> titles) {
        String text = heading.text().strip();
        return !heading.normalName().equals("h1") && text.length() >= LEDE_LENGTH && SENTENCE_END.matcher(text).matches()
                && !isPageTitle(text, titles);
    }

    /** Whether a text is one of the page's titles or part of one ({@code <title>} often adds the site's name). */
    private static boolean isPageTitle(String text, List<String> titles) {
        String heading = comparable(text);
        return titles.stream().anyMatch(title -> title.contains(heading));
    }

    /** A text as titles are compared: lower case, runs of spaces as one. */
    private static String comparable(String text) {
        return SPACES.matcher(text).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
    }

    /**
     * The best container's ancestor when that holds clearly more running text and is not mostly links: the story
     * goes on past an ad row, or each paragraph sits in its own card, so the best-scoring box is one piece of it.
     */
    private static Element widened(Element best, Element root, Map<Element, Integer> running,
                                   TextStats stats) {
        Element current = best;
        Element ancestor = best;
        for (int level = 0; level < WIDEN_LEVELS && ancestor != root && ancestor.parent() != null; level++) {
            ancestor = ancestor.parent();
            int ancestorRunning = running.getOrDefault(ancestor, 0);
            if (ancestorRunning < RUNNING_SHARE * stats.length(ancestor) || stats.linkDensity(ancestor) > WIDEN_LINKS) {
                break;
            }
            // Wrappers that add nothing are passed through: the next piece of the story may be further up.
            if (ancestorRunning >= WIDEN_GAIN * running.getOrDefault(current, 0)) {
                current = ancestor;
            }
        }
        return current;
    }

    /** Each block of running text adds its score to its container, and half of it to the next one up. */
    private static Map<Element, Double> scores(Element root) {
        Map<Element, Double> scores = new HashMap<>();
        Map<Element, Boolean> teasers = new IdentityHashMap<>();
        for (Element block : root.select("*")) {
            String own = ownText(block);
            if (own.length() < MIN_BLOCK || !HtmlText.BLOCKS.contains(block.normalName()) && !block.normalName().equals("font")
                    || ownLinkText(block) > own.length() / 2) {
                continue;
            }
            double score = 1 + COMMAS.split(own).length + Math.min(own.length() / 100.0, 3);
            if (inTeaser(block, teasers)) {
                score *= TEASER_WEIGHT;
            }
            Element container = block.normalName().equals("p") || block.normalName().equals("li") ? block.parent() : block;
            if (container != null) {
                scores.merge(container, score, Double::sum);
                if (container.parent() != null) {
                    scores.merge(container.parent(), score / 2, Double::sum);
                }
            }
        }
        return scores;
    }

    /**
     * Whether a block is the summary in a teaser: one of three or more alike items (same tag and class under one
     * parent), short, whose headline link is a fifth of its text or more. Lists of "latest news" are made of these; summed, they would
     * outscore a short article.
     */
    private static boolean inTeaser(Element block, Map<Element, Boolean> teasers) {
        Element item = block;
        for (int level = 0; level <= TEASER_DEPTH && item != null; level++, item = item.parent()) {
            if (teasers.computeIfAbsent(item, MainText::isTeaser)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTeaser(Element item) {
        Element parent = item.parent();
        if (parent == null || parent.childrenSize() < TEASER_ITEMS) {
            return false;
        }
        long alike = parent.children().stream().filter(sibling -> sibling.normalName().equals(item.normalName())
                && sibling.className().equals(item.className())).count();
        return alike >= TEASER_ITEMS && teaserShaped(item);
    }

    /** A teaser is small and its headline link is a good part of it; a paragraph with a link in it is not one. */
    private static boolean teaserShaped(Element item) {
        int length = item.text().length();
        return length <= TEASER_LENGTH && item.selectStream(LINKS).mapToInt(a -> a.text().length())
                .anyMatch(link -> link >= HEADLINE_LINK && link >= TEASER_LINK_SHARE * length);
    }

    /** Text of the element itself and its inline children, not of nested blocks. */
    private static String ownText(Element element) {
        StringBuilder text = new StringBuilder();
        for (Node child : element.childNodes()) {
            if (child instanceof TextNode node) {
                text.append(node.text());
            } else if (child instanceof Element inline && !HtmlText.BLOCKS.contains(inline.normalName())
                    && !HtmlText.SKIPPED.contains(inline.normalName())) {
                text.append(ownText(inline));
            }
        }
        return text.toString().strip();
    }

    /** Characters of the element's own (inline) text that sit inside links. */
    private static int ownLinkText(Element element) {
        int links = 0;
        for (Element child : element.children()) {
            if (child.normalName().equals("a")) {
                links += child.text().length();
            } else if (!HtmlText.BLOCKS.contains(child.normalName())) {
                links += ownLinkText(child);
            }
        }
        return links;
    }

    /**
     * Text and link-text lengths of every element, summed bottom-up in one pass: asking each candidate for its
     * text would read a large page's tree once per candidate.
     */
    private record TextStats(Map<Element, Integer> text, Map<Element, Integer> links) {

        static TextStats of(Element root) {
            Map<Element, Integer> text = new IdentityHashMap<>();
            Map<Element, Integer> links = new IdentityHashMap<>();
            List<Element> all = root.getAllElements();
            // Document order puts parents before children: backwards, every child is summed before its parent.
            for (int i = all.size() - 1; i >= 0; i--) {
                Element element = all.get(i);
                int length = 0;
                int linked = 0;
                for (Node child : element.childNodes()) {
                    if (child instanceof TextNode node) {
                        length += node.text().strip().length();
                    } else if (child instanceof Element inner) {
                        length += text.getOrDefault(inner, 0);
                        linked += links.getOrDefault(inner, 0);
                    }
                }
                text.put(element, length);
                links.put(element, element.normalName().equals("a") ? length : linked);
            }
            return new TextStats(text, links);
        }

        int length(Element element) {
            return text.getOrDefault(element, 0);
        }

        double linkDensity(Element element) {
            int length = length(element);
            return length == 0 ? 0 : (double) links.getOrDefault(element, 0) / length;
        }
    }

    private static double linkDensity(Element element) {
        int length = element.text().length();
        if (length == 0) {
            return 0;
        }
        int links = element.select("a").stream().mapToInt(a -> a.text().length()).sum();
        return (double) links / length;
    }
}
