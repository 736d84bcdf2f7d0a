package io.kgrec.api.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The environment as the embedded database reads it: defaults, and malformed values named by their variable. */
class GraphSettingsTest {

    @Test
    void anEmptyEnvironmentRunsTheEmbeddedDatabaseWithBoundedTransactionLogs() {
        GraphSettings settings = GraphSettings.from(Map.<String, String>of()::get);

        assertThat(settings.embedded()).isTrue();
        assertThat(settings.pageCacheMiB()).isEqualTo(256);
        assertThat(settings.txLogRetention()).isEqualTo("512M size");
    }

    @Test
    void everyRetentionFormNeo4jAcceptsIsPassedOn() {
        for (String value : new String[] {"keep_all", "keep_none", "true", "false", "2G size", "10 files", "100k txs",
                "3 days", "7 days 1G", "12 hours"}) {
            GraphSettings settings = GraphSettings.from(Map.of("KGREC_TX_LOG_RETENTION", value)::get);
            assertThat(settings.txLogRetention()).as(value).isEqualTo(value);
        }
    }

    @Test
    void aRetentionNeo4jWouldRefuseIsRefusedNamingTheVariable() {
        for (String value : new String[] {"forever", "2 weeks", "512MB size", "size 512M"}) {
            assertThatThrownBy(() -> GraphSettings.from(Map.of("KGREC_TX_LOG_RETENTION", value)::get))
                    .as(value)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("KGREC_TX_LOG_RETENTION '" + value + "'")
                    .hasMessageContaining("512M size");
        }
    }

    @Test
    void aMalformedPageCacheOrBoltAddressNamesItsVariable() {
        assertThatThrownBy(() -> GraphSettings.from(Map.of("KGREC_PAGE_CACHE_MB", "lots")::get))
                .hasMessage("KGREC_PAGE_CACHE_MB 'lots' is not an integer");
        assertThatThrownBy(() -> GraphSettings.from(Map.of("KGREC_BOLT_ADDRESS", "7687")::get))
                .hasMessageContaining("KGREC_BOLT_ADDRESS '7687' must be host:port");
    }
}
