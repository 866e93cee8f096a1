package org.newsroom.enrich.tagging;

import java.io.InputStream;

/** Where the subject model shipped with enrich-service lives. */
public final class SubjectModels {

    public static final String BUNDLED = "tagging/reuters-subject-model.txt.gz";

    private SubjectModels() {
    }

    public static InputStream bundled() {
        InputStream in = SubjectModels.class.getClassLoader().getResourceAsStream(BUNDLED);
        if (in == null) {
            throw new IllegalStateException("no bundled subject model at " + BUNDLED);
        }
        return in;
    }
}
