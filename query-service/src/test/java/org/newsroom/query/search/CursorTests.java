package org.newsroom.query.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CursorTests {

    @Test
    void roundTripsSortValuesOfEveryKind() {
        Cursor cursor = Cursor.after(SearchSort.relevance, List.of(3.25, 1557100800000L, "id|with-odd_chars"));

        Cursor decoded = Cursor.decode(cursor.encode());

        assertThat(decoded).isEqualTo(cursor);
        assertThat(decoded.isOffset()).isFalse();
    }

    @Test
    void roundTripsAnOffset() {
        Cursor decoded = Cursor.decode(Cursor.offset(SearchSort.date, 40).encode());

        assertThat(decoded.isOffset()).isTrue();
        assertThat(decoded.offset()).isEqualTo(40);
        assertThat(decoded.sort()).isEqualTo(SearchSort.date);
    }

    @Test
    void refusesAnythingItDidNotIssueAsAClientError() {
        for (String forged : List.of("", "bm9wZQ", "!!!", "YzF8ZGF0ZXwwfHg")) {
            assertThatThrownBy(() -> Cursor.decode(forged)).isInstanceOf(InvalidSearchException.class);
        }
    }
}
