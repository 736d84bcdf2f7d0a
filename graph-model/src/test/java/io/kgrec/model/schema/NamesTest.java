package io.kgrec.model.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NamesTest {
    @ParameterizedTest
    @CsvSource({
            "has_genre, HAS_GENRE",
            "music.artist.origin, MUSIC_ARTIST_ORIGIN",
            "' made by ', MADE_BY",
            "2nd_cousin, R_2ND_COUSIN"})
    void relation_names_become_safe_relationship_types(String relation, String type) {
        assertThat(RelationshipNames.toType(relation)).isEqualTo(type);
        assertThat(RelationshipNames.isValidType(type)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"'...', has no letter or digit", "purchased, clashes with the reserved type PURCHASED",
            "similar to, clashes with the reserved type SIMILAR_TO"})
    void rejects_relation_names_that_cannot_be_types(String relation, String message) {
        assertThatThrownBy(() -> RelationshipNames.toType(relation)).hasMessageContaining(message);
    }

    @ParameterizedTest
    @CsvSource({"brand, Brand", "product_category, ProductCategory", "Product Type, ProductType", "item, ItemEntity",
            "2020s, T2020s"})
    void entity_types_give_labels(String raw, String label) {
        assertThat(EntityType.of(raw).label()).isEqualTo(label);
    }

    @ParameterizedTest
    @CsvSource({"purchase, PURCHASED", "PURCHASED, PURCHASED", "rate, RATED", "view, VIEWED", "listened, LISTENED"})
    void parses_interaction_type_names(String raw, InteractionType type) {
        assertThat(InteractionType.parse(raw)).contains(type);
    }
}
