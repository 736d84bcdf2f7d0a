package io.kgrec.model.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RelationshipKindsTest {
    @ParameterizedTest
    @ValueSource(strings = {"PURCHASED", "RATED", "SIMILAR_TO", "HAS_AFFINITY", "TARGETED_BY", "OFFERED_IN",
            "APPLIES_TO", "REDEEMED"})
    void interactions_model_links_and_marketing_links_are_not_knowledge(String type) {
        assertThat(RelationshipKinds.isKnowledge(type)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"HAS_GENRE", "IN_DEPARTMENT", "MUSIC_ARTIST_ORIGIN"})
    void facts_loaded_from_sources_are_knowledge(String type) {
        assertThat(RelationshipKinds.isKnowledge(type)).isTrue();
    }

    @Test
    void a_source_relation_cannot_take_a_marketing_name() {
        assertThatThrownBy(() -> RelationshipNames.toType("applies to"))
                .hasMessageContaining("clashes with the reserved type APPLIES_TO");
    }

    @Test
    void only_ratings_are_levels_that_average_when_rows_merge() {
        assertThat(InteractionType.values()).filteredOn(InteractionType::isRating).containsExactly(InteractionType.RATED);
    }
}
