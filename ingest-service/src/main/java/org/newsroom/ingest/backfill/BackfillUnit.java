package org.newsroom.ingest.backfill;

import java.util.List;

/** A step of a backfill's progress (a file, a corpus story), read only when its turn comes. */
@FunctionalInterface
interface BackfillUnit {

    List<BackfillItem> read();
}
