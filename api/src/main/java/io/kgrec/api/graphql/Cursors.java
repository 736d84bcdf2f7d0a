package io.kgrec.api.graphql;

import io.kgrec.api.error.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque cursors over ranked or paged lists: the base64 of {@code <prefix>N}. Each list has its own prefix, so a
 * cursor from one list is refused by another.
 */
public final class Cursors {
    private static final String RANK = "rank:";

    private Cursors() {
    }

    static String of(int rank) {
        return of(RANK, rank);
    }

    /** @return the rank the cursor points at; 0 for no cursor */
    static int rank(String cursor) {
        return position(RANK, cursor);
    }

    public static String of(String prefix, int position) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((prefix + position).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @return the position the cursor points at; 0 for no cursor
     * @throws ApiException BAD_REQUEST when it is not a cursor with this prefix
     */
    public static int position(String prefix, String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return 0;
        }
        try {
            String s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (s.startsWith(prefix)) {
                int position = Integer.parseInt(s.substring(prefix.length()));
                if (position >= 0) {
                    return position;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below; NumberFormatException is an IllegalArgumentException
        }
        throw ApiException.badRequest("after: '" + cursor + "' is not a cursor returned by this API");
    }
}
