package io.kgrec.api.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The relative links of markdown pages, and which of them lead nowhere: a missing file, or an {@code #anchor} that no
 * heading of the target page has. Anchors are the slugs GitHub gives headings (lower case, punctuation dropped,
 * spaces to hyphens, {@code -1}, {@code -2} for repeats). Fenced code and inline code are not prose, so links and
 * headings inside them are ignored.
 */
final class MarkdownLinks {
    private static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern INLINE_CODE = Pattern.compile("`[^`\\n]*`");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern EXTERNAL = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");

    private MarkdownLinks() {
    }

    /** One link from a page, as written. */
    record Link(Path page, int line, String target) {
        @Override
        public String toString() {
            return page + ":" + line + ": " + target;
        }
    }

    /** The relative links of a page (not {@code http:}, {@code mailto:} and other schemes). */
    static List<Link> relativeLinks(Path page) {
        List<Link> links = new ArrayList<>();
        List<String> lines = prose(read(page));
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = LINK.matcher(INLINE_CODE.matcher(lines.get(i)).replaceAll(""));
            while (m.find()) {
                String target = m.group(1);
                if (!EXTERNAL.matcher(target).matches()) {
                    links.add(new Link(page, i + 1, target));
                }
            }
        }
        return links;
    }

    /** Why a link leads nowhere, or null when it resolves. */
    static String problem(Link link) {
        int hash = link.target().indexOf('#');
        String file = hash < 0 ? link.target() : link.target().substring(0, hash);
        String anchor = hash < 0 ? null : link.target().substring(hash + 1);
        Path target = file.isEmpty() ? link.page() : link.page().getParent().resolve(file).normalize();
        if (!Files.exists(target)) {
            return "no file " + target;
        }
        if (anchor != null && target.toString().endsWith(".md") && !anchors(target).contains(anchor)) {
            return "no heading with the anchor #" + anchor + " in " + target;
        }
        return null;
    }

    /** The anchors of a page's headings. */
    static Set<String> anchors(Path page) {
        Set<String> anchors = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String line : prose(read(page))) {
            Matcher m = HEADING.matcher(line);
            if (m.matches()) {
                String slug = slug(m.group(1));
                int n = seen.merge(slug, 1, Integer::sum);
                anchors.add(n == 1 ? slug : slug + "-" + (n - 1));
            }
        }
        return anchors;
    }

    static String slug(String heading) {
        return heading.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }

    /** The page's lines with fenced code blocks blanked out, so line numbers stay true. */
    private static List<String> prose(String text) {
        List<String> lines = new ArrayList<>();
        boolean fenced = false;
        for (String line : text.split("\n", -1)) {
            if (line.stripLeading().startsWith("```")) {
                fenced = !fenced;
                lines.add("");
            } else {
                lines.add(fenced ? "" : line);
            }
        }
        return lines;
    }

    private static String read(Path page) {
        try {
            return Files.readString(page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
