package io.kgrec.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kgrec.api.testing.ReadmeQuickstart;
import org.junit.jupiter.api.Test;

class WarmCommandTest {
    @Test
    void the_page_it_sends_is_the_readme_quick_start_query_for_any_customer() {
        String readme = ReadmeQuickstart.query();
        assertThat(readme).contains("customerId: \"1453\"");

        assertThat(WarmCommand.document("recommendations-page")).isEqualTo("query RecommendationsPage($customer: ID!) "
                + readme.replace("\"1453\"", "$customer"));
    }
}
