package io.kgrec.model.schema;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The kinds of customer–item interaction. Each is its own relationship type from {@code :Customer} to {@code :Item},
 * so a reason path reads as the customer's own action ({@code -[:PURCHASED]->}) and analysts can match on it directly.
 * Every interaction relationship carries {@code weight} (a normalised, positive strength), {@code raw} (the summed
 * source value: quantity, rating or play count), {@code count} (how many source rows were merged into it) and
 * {@code timestamp} (epoch seconds of the latest event, absent when the source has none).
 */
public enum InteractionType {
    PURCHASED("bought"),
    RATED("rated"),
    VIEWED("viewed"),
    LISTENED("listened to"),
    CLICKED("clicked"),
    INTERACTED("interacted with");

    private static final Set<String> TYPE_NAMES =
            Arrays.stream(values()).map(InteractionType::relationshipType).collect(Collectors.toUnmodifiableSet());

    private final String verb;

    InteractionType(String verb) {
        this.verb = verb;
    }

    /** The relationship type in the graph, e.g. {@code PURCHASED}. */
    public String relationshipType() {
        return name();
    }

    /**
     * Whether the source value is a level (a rating) rather than an amount (quantity, plays, views). Amounts add up
     * when rows merge; levels do not: two rows rating the same film 4 and 5 mean "about 4.5", not 9. The loader
     * therefore weighs ratings by their mean and amounts by their sum.
     */
    public boolean isRating() {
        return this == RATED;
    }

    /** Past-tense verb for explanation sentences: "You bought ...". */
    public String verb() {
        return verb;
    }

    public static boolean isInteraction(String relationshipType) {
        return TYPE_NAMES.contains(relationshipType);
    }

    public static Set<String> relationshipTypes() {
        return TYPE_NAMES;
    }

    /** Parses a user-supplied name such as {@code purchase}, {@code purchased} or {@code RATED}. */
    public static Optional<InteractionType> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.trim().toUpperCase(Locale.ROOT);
        for (InteractionType t : values()) {
            if (t.name().equals(n) || t.name().equals(n + "D") || t.name().equals(n + "ED")) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
