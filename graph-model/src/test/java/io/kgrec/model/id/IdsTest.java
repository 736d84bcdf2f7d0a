package io.kgrec.model.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IdsTest {
    @Test
    void ids_are_trimmed_and_validated() {
        assertThat(CustomerId.of("  42 ").value()).isEqualTo("42");
        assertThatThrownBy(() -> CustomerId.of("  ")).hasMessage("customer id is empty");
        assertThatThrownBy(() -> ItemId.of("a\u0007b")).hasMessage("item id contains a control character");
        assertThatThrownBy(() -> ItemId.of("x".repeat(257))).hasMessage("item id is longer than 256 characters");
        assertThatThrownBy(() -> ItemId.of("genre:Drama")).hasMessageContaining("reserved for entity keys");
    }

    @Test
    void entity_keys_split_at_the_first_colon() {
        EntityKey key = EntityKey.parse("url:http://example.org/a");

        assertThat(key.type().name()).isEqualTo("url");
        assertThat(key.id()).isEqualTo("http://example.org/a");
        assertThat(key.value()).isEqualTo("url:http://example.org/a");
        assertThatThrownBy(() -> EntityKey.parse("genre:")).hasMessageContaining("is not of the form <type>:<id>");
        assertThatThrownBy(() -> EntityKey.parse(":x")).hasMessageContaining("is not of the form <type>:<id>");
    }
}
