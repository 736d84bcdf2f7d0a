package io.kgrec.model.schema;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns relation names from sources ({@code has_genre}, {@code music.artist.origin}, {@code made by}) into
 * relationship types ({@code HAS_GENRE}, {@code MUSIC_ARTIST_ORIGIN}, {@code MADE_BY}) and back into words for
 * explanation sentences. Relationship types are restricted to {@code [A-Z0-9_]} so they never need quoting and can be
 * passed safely as dynamic types.
 */
public final class RelationshipNames {
    private static final Pattern NON_WORD = Pattern.compile("[^A-Za-z0-9]+");
    private static final Pattern VALID_TYPE = Pattern.compile("[A-Z][A-Z0-9_]*");

    private RelationshipNames() {
    }

    /**
     * @throws IllegalArgumentException if the name has no letter or digit, or would clash with a reserved
     *         (non-knowledge) type: an interaction, model or marketing relationship type
     */
    public static String toType(String relationName) {
        String cleaned = NON_WORD.matcher(relationName.trim()).replaceAll("_");
        cleaned = cleaned.replaceAll("^_+|_+$", "").toUpperCase(Locale.ROOT);
        if (cleaned.isEmpty()) {
            throw new IllegalArgumentException("relation name '" + relationName + "' has no letter or digit");
        }
        if (!Character.isLetter(cleaned.charAt(0))) {
            cleaned = "R_" + cleaned;
        }
        if (!RelationshipKinds.isKnowledge(cleaned)) {
            throw new IllegalArgumentException("relation name '" + relationName + "' clashes with the reserved type "
                    + cleaned);
        }
        return cleaned;
    }

    public static boolean isValidType(String type) {
        return type != null && VALID_TYPE.matcher(type).matches();
    }

    /** {@code MUSIC_ARTIST_ORIGIN} → "music artist origin". */
    public static String toWords(String relationshipType) {
        return relationshipType.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
