package io.kgrec.loader.read;

import java.text.Normalizer;
import java.util.Set;

/**
 * Cleans every value a file yields, the same way for every source: Unicode NFC (so "é" typed as e + combining accent
 * and as one character are the same id), whitespace runs (tabs, no-break spaces, line separators) collapsed to one
 * space, and the ends trimmed. Export placeholders for "no value" become empty, so the missing-value policy applies to
 * them: {@code NA}, {@code N/A}, {@code n/a}, {@code NULL}, {@code null}, {@code None}, {@code NaN}, {@code nan},
 * {@code \N}.
 */
final class TextNormaliser {
    private static final Set<String> PLACEHOLDERS = Set.of("NA", "N/A", "n/a", "NULL", "null", "None", "NaN", "nan",
            "\\N");

    private TextNormaliser() {
    }

    /** @return the cleaned value; {@code ""} for a placeholder */
    static String clean(String raw, Fixes fixes) {
        String value = raw;
        if (!isPlainAscii(value)) {
            value = collapseWhitespace(Normalizer.normalize(value, Normalizer.Form.NFC));
            if (!value.equals(raw)) {
                fixes.add(Fix.TEXT_NORMALISED);
            }
        }
        if (!value.isEmpty() && PLACEHOLDERS.contains(value)) {
            fixes.add(Fix.PLACEHOLDER_AS_MISSING);
            return "";
        }
        return value;
    }

    /** ASCII without leading, trailing or doubled spaces and without control characters: already clean. */
    private static boolean isPlainAscii(String s) {
        int n = s.length();
        if (n > 0 && (s.charAt(0) == ' ' || s.charAt(n - 1) == ' ')) {
            return false;
        }
        char previous = 'x';
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x7f || c == '\t' || (c == ' ' && previous == ' ')) {
                return false;
            }
            previous = c;
        }
        return true;
    }

    private static String collapseWhitespace(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean pendingSpace = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                pendingSpace = out.length() > 0;
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }
}
