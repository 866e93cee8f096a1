package org.newsroom.query.search;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Where a page of results ended, handed to clients as an opaque string. Without collapsing it holds the last
 * hit's sort values ({@code search_after}: stable and as deep as needed); a collapsed search cannot use
 * {@code search_after} in Elasticsearch (only when sorted on the collapse field alone), so its cursor holds
 * the next offset, bounded by {@code query.max-from}. The sort it was made for travels along, so a cursor
 * replayed with another sort is refused rather than silently misplaced.
 *
 * @param after sort values of the last hit (Long, Double or String), empty for an offset cursor
 */
public record Cursor(SearchSort sort, int offset, List<Object> after) {

    private static final String VERSION = "c1";

    public Cursor {
        after = List.copyOf(after);
    }

    public static Cursor offset(SearchSort sort, int offset) {
        return new Cursor(sort, offset, List.of());
    }

    public static Cursor after(SearchSort sort, List<Object> values) {
        return new Cursor(sort, 0, values);
    }

    public boolean isOffset() {
        return after.isEmpty();
    }

    public String encode() {
        StringBuilder text = new StringBuilder(VERSION).append('|').append(sort.name()).append('|').append(offset);
        for (Object value : after) {
            text.append('|').append(switch (value) {
                case Long l -> "l" + l;
                case Integer i -> "l" + i;
                case Double d -> "d" + d;
                case Float f -> "d" + f;
                case String s -> "s" + base64(s.getBytes(StandardCharsets.UTF_8));
                default -> throw new IllegalArgumentException("unsupported sort value " + value.getClass());
            });
        }
        return base64(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a cursor this API issued; anything else is a client error, never a server one. */
    public static Cursor decode(String encoded) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8).split("\\|");
            if (parts.length < 3 || !VERSION.equals(parts[0])) {
                throw new IllegalArgumentException("unknown cursor version");
            }
            List<Object> values = new ArrayList<>();
            for (int i = 3; i < parts.length; i++) {
                values.add(value(parts[i]));
            }
            return new Cursor(SearchSort.valueOf(parts[1]), Integer.parseInt(parts[2]), values);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new InvalidSearchException("cursor is not one this API issued");
        }
    }

    private static Object value(String part) {
        String body = part.substring(1);
        return switch (part.charAt(0)) {
            case 'l' -> Long.parseLong(body);
            case 'd' -> Double.parseDouble(body);
            case 's' -> new String(Base64.getUrlDecoder().decode(body), StandardCharsets.UTF_8);
            default -> throw new IllegalArgumentException("unknown value type");
        };
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
