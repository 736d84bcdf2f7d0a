package io.kgrec.api.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every relative link in README.md and the site's pages leads to an existing file, and heading when it names one. */
class DocLinksTest {

    @Test
    void every_relative_link_in_the_readme_and_the_site_resolves() throws IOException {
        Path root = Readme.root();
        List<Path> pages = new ArrayList<>();
        pages.add(root.resolve("README.md"));
        try (Stream<Path> site = Files.walk(root.resolve("src/site"))) {
            site.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        List<MarkdownLinks.Link> links = pages.stream().flatMap(p -> MarkdownLinks.relativeLinks(p).stream()).toList();
        // The README links to analysts.md; analysts.md links to its own sections.
        assertThat(links).anyMatch(l -> l.target().startsWith("#"))
                .anyMatch(l -> l.target().startsWith("src/site/markdown/"));

        List<String> broken = links.stream().filter(l -> MarkdownLinks.problem(l) != null)
                .map(l -> l + " (" + MarkdownLinks.problem(l) + ")").toList();

        assertThat(broken).isEmpty();
    }

    @Test
    void reports_a_missing_file_and_a_missing_heading_but_not_links_in_code(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("other.md"), "# Other page\n\n## Kept lists, 2026-12-03 17:15–17:58 UTC\n");
        Path page = dir.resolve("page.md");
        Files.writeString(page, String.join("\n",
                "# Page", "",
                "[fine](other.md#kept-lists-2026-12-03-17151758-utc) and [here](#page) and [web](https://x.org/y.md)",
                "[gone](missing.md)",
                "[no such heading](other.md#nowhere)",
                "`[in code](nothing.md)`",
                "```", "[in a block](nothing.md)", "```", ""));

        List<String> problems = MarkdownLinks.relativeLinks(page).stream().map(MarkdownLinks::problem)
                .filter(p -> p != null).toList();

        assertThat(problems).containsExactly("no file " + dir.resolve("missing.md"),
                "no heading with the anchor #nowhere in " + dir.resolve("other.md"));
    }
}
