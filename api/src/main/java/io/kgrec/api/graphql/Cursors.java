package io.kgrec.api.graphql;

import io.kgrec.api.error.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque cursors over ranked lists: the base64 of {@code rank:N}. */
final class Cursors {
    private static final String PREFIX = "rank:";

    private Cursors() {
    }

    static String of(int rank) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + rank).getBytes(StandardCharsets.UTF_8));
    }

    /** @return the rank the cursor points at; 0 for no cursor */
    static int rank(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return 0;
        }
        try {
            String s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (s.startsWith(PREFIX)) {
                int rank = Integer.parseInt(s.substring(PREFIX.length()));
                if (rank >= 0) {
                    return rank;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below; NumberFormatException is an IllegalArgumentException
        }
        throw ApiException.badRequest("after: '" + cursor + "' is not a cursor returned by this API");
    }
}
