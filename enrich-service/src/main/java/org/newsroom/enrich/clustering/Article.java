package org.newsroom.enrich.clustering;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * One article as {@link Stories} remembers it: its vectors, the articles similar enough to it (each link held on
 * both sides, by reference: walks over the links hash nothing), its story, and the marks regrouping leaves on it.
 */
final class Article {

    private static final Article[] NONE = {};

    final String id;
    final Instant time;
    final Vectors words;
    final Vectors entities;
    /** What finds it: its heaviest words ({@code w:}) and its entities ({@code e:}). */
    final List<String> keys;
    /** The articles similar enough to it, {@code links} of them, and the similarity of each. */
    Article[] similar = NONE;
    double[] similarity = new double[0];
    int links;
    String story;
    /** The threshold it was last clustered at: above the base one in a large connected set. */
    double level;
    /** Its connected set when last regrouped: how large that set is, without walking it. */
    ConnectedSet set;
    /** The last walk over the links that reached it, and its place in what that walk found. */
    int visited;
    int position;
    /** The last regrouping that had it among the articles changed (added, or a neighbour gone). */
    int changed;

    Article(String id, Instant time, Vectors words, Vectors entities, List<String> keys) {
        this.id = id;
        this.time = time;
        this.words = words;
        this.entities = entities;
        this.keys = keys;
    }

    void link(Article other, double s) {
        if (links == similar.length) {
            similar = Arrays.copyOf(similar, Math.max(4, 2 * links));
            similarity = Arrays.copyOf(similarity, similar.length);
        }
        similar[links] = other;
        similarity[links++] = s;
    }

    void unlink(Article other) {
        for (int i = 0; i < links; i++) {
            if (similar[i] == other) {
                similar[i] = similar[--links];
                similarity[i] = similarity[links];
                similar[links] = null;
                return;
            }
        }
    }

    /** The articles similar enough to it, as they are now. */
    List<Article> similar() {
        return Arrays.asList(Arrays.copyOf(similar, links));
    }

    /**
     * How many articles one connected set holds, kept as sets merge when an arrival joins them (union-find: a set
     * merged into another points to it), so that an arrival learns the size of the set it makes without a walk. A
     * walk over a whole set gives its articles a fresh one; that is how departures, which may split a set, are
     * accounted for.
     */
    static final class ConnectedSet {
        int size;
        private ConnectedSet into;
        /** The last regrouping that counted this set. */
        int counted;

        ConnectedSet(int size) {
            this.size = size;
        }

        ConnectedSet root() {
            ConnectedSet root = this;
            while (root.into != null) {
                root = root.into;
            }
            for (ConnectedSet s = this; s.into != null; ) { // shortens the path for the next look-up
                ConnectedSet next = s.into;
                s.into = root;
                s = next;
            }
            return root;
        }

        void mergeInto(ConnectedSet other) {
            into = other;
        }
    }
}
