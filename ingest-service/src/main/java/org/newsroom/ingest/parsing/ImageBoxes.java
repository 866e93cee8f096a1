package org.newsroom.ingest.parsing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.QueryParser;

/**
 * Image boxes: figures in all but their tag, removed with the page's other furniture before the text is scored.
 * A photo's caption and credit otherwise read as a short block of running text beside the story.
 */
final class ImageBoxes {

    /** The longest caption or credit line of an image box. */
    private static final int IMAGE_CREDIT = 150;
    private static final int IMAGE_BOX_LEVELS = 3;
    /** What an image box never holds; parsed once: it is tested on a few ancestors of every image. */
    private static final Evaluator TEXT_BLOCKS = QueryParser.parse("p, li, table, " + MainText.HEADINGS);

    private ImageBoxes() {
    }

    /**
     * Removes image boxes that are figures in all but their tag: a {@code div} or {@code span} holding a picture and,
     * in a child of its own, a short line of text (its caption or credit), with no paragraph, heading, list or table.
     * The largest such box around each image goes, a few levels up at most.
     */
    static void remove(Element body) {
        List<Element> boxes = new ArrayList<>();
        // An ancestor too long or holding a text block fails for every image under it, and so do its own ancestors:
        // each is tested once, so an image grid costs each box once, not once per image.
        Set<Element> failed = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element image : body.select("img")) {
            Element box = null;
            int level = 0;
            for (Element ancestor = image.parent(); level < IMAGE_BOX_LEVELS && ancestor != null && ancestor != body;
                 ancestor = ancestor.parent()) {
                String tag = ancestor.normalName();
                if (failed.contains(ancestor)) {
                    break;
                }
                if (longerThan(ancestor, IMAGE_CREDIT) || ancestor.selectFirst(TEXT_BLOCKS) != null) {
                    failed.add(ancestor);
                    break;
                }
                // A picture or link around the image wraps it, it is not its box.
                if (!HtmlText.BLOCKS.contains(tag) && !tag.equals("span")) {
                    continue;
                }
                if (!tag.equals("div") && !tag.equals("span")
                        || ancestor.textNodes().stream().anyMatch(text -> !text.isBlank())) {
                    break;
                }
                box = ancestor;
                level++;
            }
            // A caption or credit follows its picture: text before the image is a sentence with an inline picture
            // (an emoji, an icon) set in spans, not an image box.
            if (box != null && box.hasText() && !textBefore(box, image)) {
                boxes.add(box);
            }
        }
        boxes.forEach(Element::remove);
    }

    /** Whether any text of {@code box} comes before {@code image} in document order. */
    private static boolean textBefore(Element box, Element image) {
        boolean[] found = {false};
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node == image) {
                    return FilterResult.STOP;
                }
                if (node instanceof TextNode text && !text.isBlank()) {
                    found[0] = true;
                    return FilterResult.STOP;
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                return FilterResult.CONTINUE;
            }
        }, box);
        return found[0];
    }

    /** Whether an element's text is longer than a limit, read only as far as the limit. */
    private static boolean longerThan(Element element, int limit) {
        int[] length = {0};
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    length[0] += text.text().strip().length();
                }
                return length[0] > limit ? FilterResult.STOP : FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                return FilterResult.CONTINUE;
            }
        }, element);
        return length[0] > limit;
    }
}
