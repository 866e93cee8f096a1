package org.newsroom.ingest.parsing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Main-text extraction from a news page, readability style: page furniture is dropped by tag and by
 * class/id, every block of running text scores its ancestors by length and punctuation, the best-scoring
 * container wins together with siblings that score nearly as well (stories split into several columns),
 * and a container the publisher marked as {@code itemprop=articleBody} is trusted first.
 */
final class MainText {

    private static final Pattern UNLIKELY = Pattern.compile(
            "(?i)(^|[\\s_-])(comment|comments|disqus|share|sharing|social|related|recommend|promo|sponsor|advert|ads?"
                    + "|banner|sidebar|side-bar|rail|widget|footer|masthead|header|navigation|nav|menu|breadcrumb"
                    + "|newsletter|subscribe|signup|paywall|popup|modal|cookie|outbrain|taboola|tags?|byline|author-bio"
                    + "|caption|credit|toolbar|skip|more-from|read-more|most-read|trending|pagination|print|hidden"
                    + "|visually-hidden|sr-only|timestamp|dateline|meta|topics|follow)([\\s_-]|$)");
    private static final Pattern LIKELY = Pattern.compile(
            "(?i)(article|body|content|entry|main|page|post|story|text|blog)");
    private static final String FURNITURE = "script, style, noscript, iframe, nav, header:not(article header), footer,"
            + " aside, button, select, input, textarea, svg, figure, figcaption, template, object, embed, video, audio,"
            + " [hidden], [aria-hidden=true], [role=navigation], [role=complementary], [style*=display:none],"
            + " [style*=display: none]";
    private static final int MIN_BLOCK = 25;
    private static final double SIBLING_SHARE = 0.2;

    private MainText() {
    }

    static List<String> extract(Document page) {
        if (page.body() == null) {
            return List.of();
        }
        Element body = page.body().clone();
        body.select(FURNITURE).remove();
        // Whole ASP.NET pages sit inside one <form>; only small forms are furniture.
        body.select("form").stream().filter(form -> form.text().length() < 500).forEach(Element::remove);
        Element marked = body.selectFirst("[itemprop=articleBody]");
        if (marked != null && marked.text().length() >= 200) {
            removeUnlikely(marked);
            return HtmlText.paragraphs(marked);
        }
        removeUnlikely(body);
        List<String> paragraphs = new ArrayList<>();
        bestContainers(body).forEach(container -> paragraphs.addAll(HtmlText.paragraphs(container)));
        return paragraphs;
    }

    private static void removeUnlikely(Element root) {
        for (Element element : root.select("*")) {
            String signature = element.className() + " " + element.id();
            if (element != root && !signature.isBlank() && UNLIKELY.matcher(signature).find()
                    && !LIKELY.matcher(signature).find() && !element.normalName().matches("body|article|main")) {
                element.remove();
            }
        }
    }

    /** The best container, and those of its siblings that hold a fair share of the text too. */
    private static List<Element> bestContainers(Element root) {
        Map<Element, Double> scores = scores(root);
        Element best = null;
        double bestScore = 0;
        for (Map.Entry<Element, Double> entry : scores.entrySet()) {
            double score = entry.getValue() * (1 - linkDensity(entry.getKey()));
            if (score > bestScore) {
                best = entry.getKey();
                bestScore = score;
            }
        }
        if (best == null || best.parent() == null) {
            return best == null ? List.of() : List.of(best);
        }
        List<Element> chosen = new ArrayList<>();
        for (Element sibling : best.parent().children()) {
            double score = scores.getOrDefault(sibling, 0.0) * (1 - linkDensity(sibling));
            boolean sameKind = !best.className().isBlank() && sibling.className().equals(best.className());
            if (sibling == best || score >= bestScore * SIBLING_SHARE || sameKind && score > 0) {
                chosen.add(sibling);
            }
        }
        return chosen;
    }

    /** Each block of running text adds its score to its container, and half of it to the next one up. */
    private static Map<Element, Double> scores(Element root) {
        Map<Element, Double> scores = new HashMap<>();
        for (Element block : root.select("*")) {
            String own = ownText(block);
            if (own.length() < MIN_BLOCK || !HtmlText.BLOCKS.contains(block.normalName()) && !block.normalName().equals("font")) {
                continue;
            }
            double score = 1 + own.split("[,，、]").length + Math.min(own.length() / 100.0, 3);
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

    private static double linkDensity(Element element) {
        int length = element.text().length();
        if (length == 0) {
            return 0;
        }
        int links = element.select("a").stream().mapToInt(a -> a.text().length()).sum();
        return (double) links / length;
    }
}
