package org.newsroom.enrich.clustering;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The links within one connected set, by the articles' positions in it, for cutting a set too large to cluster:
 * which parts it falls into through the links of at least some level (union-find passes over three arrays).
 */
record Links(List<Article> set, int[] from, int[] to, double[] similarity) {

    /** From a set just found by a walk: its articles' positions are their places in it, and it holds every link. */
    static Links of(List<Article> set) {
        int count = 0;
        for (Article a : set) {
            count += a.links;
        }
        int[] from = new int[count / 2 + 1];
        int[] to = new int[from.length];
        double[] similarity = new double[from.length];
        int n = 0;
        for (int i = 0; i < set.size(); i++) {
            Article a = set.get(i);
            for (int k = 0; k < a.links; k++) {
                int j = a.similar[k].position;
                if (i < j) {
                    from[n] = i;
                    to[n] = j;
                    similarity[n++] = a.similarity[k];
                }
            }
        }
        return new Links(set, Arrays.copyOf(from, n), Arrays.copyOf(to, n), Arrays.copyOf(similarity, n));
    }

    /**
     * The lowest of {@code levels} (ascending) between {@code low} and {@code high} at which no part holds more
     * than {@code most} articles, {@code high} known to pass. Parts only shrink as the level rises, so it is found
     * by bisection; {@code first} (when between the bounds) is tried first: where the caller expects the answer.
     */
    int lowestPassing(double[] levels, int low, int high, int first, int most) {
        int probe = first;
        while (low < high) {
            int mid = low <= probe && probe < high ? probe : (low + high) >>> 1;
            probe = -1;
            if (largestPart(levels[mid]) <= most) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    /** The connected parts through links of at least {@code level}, each in the set's order. */
    List<List<Article>> parts(double level) {
        int[] roots = roots(level);
        List<List<Article>> byRoot = new ArrayList<>(Collections.nCopies(roots.length, null));
        List<List<Article>> parts = new ArrayList<>();
        for (int i = 0; i < roots.length; i++) {
            List<Article> part = byRoot.get(roots[i]);
            if (part == null) {
                part = new ArrayList<>();
                byRoot.set(roots[i], part);
                parts.add(part);
            }
            part.add(set.get(i));
        }
        return parts;
    }

    private int largestPart(double level) {
        int[] roots = roots(level);
        int[] size = new int[roots.length];
        int largest = 0;
        for (int r : roots) {
            largest = Math.max(largest, ++size[r]);
        }
        return largest;
    }

    /** Union-find over the links of at least {@code level}: each article's root. */
    private int[] roots(double level) {
        int[] parent = new int[set.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        for (int k = 0; k < from.length; k++) {
            if (similarity[k] >= level) {
                int x = root(parent, from[k]);
                int y = root(parent, to[k]);
                if (x != y) {
                    parent[Math.max(x, y)] = Math.min(x, y);
                }
            }
        }
        for (int i = 0; i < parent.length; i++) {
            parent[i] = root(parent, i);
        }
        return parent;
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
