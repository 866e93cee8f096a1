package org.newsroom.enrich.memory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.newsroom.enrich.clustering.Stories;
import org.newsroom.enrich.entities.People;

/**
 * What enrichment remembers of other articles: the people they named ({@link People}) and the stories they form
 * ({@link Stories}), each for its own window of publication time. Every answer is a function of the set of
 * articles in the windows, never of their order; when an article changes an earlier one's answer, that article
 * comes back as a {@link Revision}. Stream time is the latest publication time seen; what falls out of a window
 * behind it is forgotten, and that too may revise the articles that remain.
 *
 * <p>Not thread-safe: one task owns it. {@link #restore} rebuilds it from the facts of the articles in the windows
 * (any order), after which it answers as the memory it replaces.
 */
public final class Memory {

    /** This article's answers, and the earlier articles whose answers changed. */
    public record Answer(People.Resolution people, String storyId, List<Revision> revisions) {
    }

    /**
     * An earlier article's new answers: {@code people} when whom its names denote changed, {@code storyId} when its
     * story changed; the other is null.
     */
    public record Revision(String articleId, People.Resolution people, String storyId) {
    }

    private final People people;
    private final Duration peopleWindow;
    private final Stories stories;
    private final Duration storyWindow;
    private Instant streamTime = Instant.MIN;

    public Memory(People people, Duration peopleWindow, Stories stories, Duration storyWindow) {
        this.people = people;
        this.peopleWindow = peopleWindow;
        this.stories = stories;
        this.storyWindow = storyWindow;
    }

    /** Remembers an article (replacing what it said before, if seen already) and answers for it. */
    public Answer see(Facts facts) {
        People.Seen named = people.see(facts.articleId(), facts.time(), facts.people());
        Stories.Seen story = stories.see(facts.articleId(), facts.time(), facts.words(), facts.entityKeys());
        List<People.Revision> renamed = new ArrayList<>(named.revisions());
        List<Stories.Revision> moved = new ArrayList<>(story.revisions());
        if (facts.time().isAfter(streamTime)) {
            streamTime = facts.time();
        }
        // Also when the article is older than stream time: one that arrives already behind the window is forgotten
        // at once, as it would have been had it come in publication order (else it stayed until stream time moved,
        // and answers depended on whether anything newer came after it).
        renamed.addAll(people.expire(streamTime.minus(peopleWindow)));
        moved.addAll(stories.expire(streamTime.minus(storyWindow)));
        return new Answer(people.resolution(facts.articleId()), stories.storyOf(facts.articleId()).orElse(story.storyId()),
                revisions(renamed, moved, facts.articleId()));
    }

    /** Remembers an article without working out revisions: rebuilding after a restart. Call {@link #expire} after. */
    public void restore(Facts facts) {
        people.restore(facts.articleId(), facts.time(), facts.people());
        stories.restore(facts.articleId(), facts.time(), facts.words(), facts.entityKeys());
        if (facts.time().isAfter(streamTime)) {
            streamTime = facts.time();
        }
    }

    /** Forgets what fell out of the windows behind stream time; returns the revisions that caused. */
    public List<Revision> expire() {
        if (streamTime.equals(Instant.MIN)) {
            return List.of();
        }
        return revisions(people.expire(streamTime.minus(peopleWindow)), stories.expire(streamTime.minus(storyWindow)), null);
    }

    /** An article's current answers, or empty answers for an article not in memory. */
    public Answer answer(String articleId) {
        return new Answer(people.resolution(articleId), stories.storyOf(articleId).orElse(null), List.of());
    }

    /**
     * An earlier article's current answers, taking those a {@link Revision} of it already carries (null: none, a
     * revision of its duplicate decision only) and looking up only the rest: a story moved leaves its people as they
     * were, and resolving people is the costly part.
     */
    public Answer answer(String articleId, Revision revision) {
        if (revision == null) {
            return answer(articleId);
        }
        People.Resolution resolved = revision.people() != null ? revision.people() : people.resolution(articleId);
        String story = revision.storyId() != null ? revision.storyId() : stories.storyOf(articleId).orElse(null);
        return new Answer(resolved, story, List.of());
    }

    /** One revision per article with its latest answers; none for {@code self} or for an article forgotten. */
    private List<Revision> revisions(List<People.Revision> renamed, List<Stories.Revision> moved, String self) {
        Set<String> renamedIds = new TreeSet<>();
        renamed.forEach(r -> renamedIds.add(r.articleId()));
        Set<String> movedIds = new TreeSet<>();
        moved.forEach(r -> movedIds.add(r.articleId()));
        Set<String> ids = new TreeSet<>(renamedIds);
        ids.addAll(movedIds);
        if (self != null) {
            ids.remove(self);
        }
        List<Revision> revisions = new ArrayList<>();
        for (String id : ids) {
            People.Resolution resolution = renamedIds.contains(id) && people.remembers(id) ? people.resolution(id) : null;
            String story = movedIds.contains(id) ? stories.storyOf(id).orElse(null) : null;
            if (resolution != null || story != null) {
                revisions.add(new Revision(id, resolution, story));
            }
        }
        return revisions;
    }
}
