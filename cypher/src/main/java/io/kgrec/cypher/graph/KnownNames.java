package io.kgrec.cypher.graph;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The message for a name the graph does not know (an attribute type or value, an item property, a customer attribute):
 * it names what was asked for and lists what the graph does know, sorted and cut at {@value #SHOWN}, so that a caller
 * sees the mistake instead of an empty answer.
 */
public final class KnownNames {
    /** How many known names a message lists; a catalogue's brands run into the thousands. */
    public static final int SHOWN = 20;

    private KnownNames() {
    }

    /**
     * @param what  what the name is, e.g. "attribute type" or "numeric item property"
     * @param given the unknown name as given
     * @param where the argument it came in, e.g. "includeAttributes"
     * @param known the names the graph knows, in any order
     */
    public static IllegalArgumentException unknown(String what, String given, String where,
            Collection<String> known) {
        return new IllegalArgumentException("unknown " + what + " '" + given + "' in " + where + "; known: "
                + listed(known));
    }

    /** The names sorted, at most {@value #SHOWN} of them, then how many more there are; "none" when empty. */
    public static String listed(Collection<String> known) {
        if (known.isEmpty()) {
            return "none";
        }
        List<String> sorted = List.copyOf(new TreeSet<>(known));
        String shown = String.join(", ", sorted.subList(0, Math.min(SHOWN, sorted.size())));
        return sorted.size() <= SHOWN ? shown : shown + " … " + (sorted.size() - SHOWN) + " more";
    }
}
