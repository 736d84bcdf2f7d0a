package io.kgrec.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.kgrec.loader.read.Fix;
import io.kgrec.loader.source.canonical.CanonicalSource;
import io.kgrec.loader.source.completejourney.CompleteJourneySource;
import io.kgrec.loader.source.kgcn.KgcnSource;
import io.kgrec.loader.source.mapping.MappedSource;
import io.kgrec.loader.source.movielens.MovieLensSource;
import io.kgrec.loader.stage.FileAccount;
import io.kgrec.loader.stage.InteractionAggregate;
import io.kgrec.loader.stage.InteractionKey;
import io.kgrec.loader.stage.RatingScale;
import io.kgrec.loader.stage.RejectReason;
import io.kgrec.loader.testing.Staging;
import io.kgrec.model.schema.InteractionType;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fixture of deliberately broken files ({@code src/test/resources/dirty/README.md}), one per class of defect. */
class DirtyDataTest {
    @TempDir
    static Path temp;

    private static Path dirty;
    private static Staging retail;
    private static Staging formats;

    @BeforeAll
    static void read() throws URISyntaxException {
        dirty = Path.of(DirtyDataTest.class.getResource("/dirty").toURI());
        retail = Staging.read(temp, new MappedSource(dirty.resolve("retail"), dirty.resolve("retail/mapping.json")));
        formats = Staging.read(temp, new CompleteJourneySource(dirty.resolve("completejourney")),
                new MovieLensSource(dirty.resolve("movielens")), new KgcnSource(dirty.resolve("kgcn")),
                CanonicalSource.of(dirty.resolve("canonical"), InteractionType.PURCHASED));
    }

    @ParameterizedTest(name = "{0}: {1} × {2}, loaded {3}, merged {4}")
    @CsvSource({
            "malformed-line.csv,             MALFORMED_LINE,           1, 1, 0",
            "wrong-field-count.csv,          WRONG_FIELD_COUNT,        1, 1, 0",
            "missing-id.csv,                 MISSING_ID,               3, 1, 0",
            "bad-id.csv,                     BAD_ID,                   2, 1, 0",
            "bad-number.csv,                 BAD_NUMBER,               2, 1, 0",
            "non-positive-quantity.csv,      NON_POSITIVE_QUANTITY,    2, 1, 0",
            "cancellation.csv,               CANCELLATION,             2, 1, 0",
            "negative-amount.csv,            NEGATIVE_AMOUNT,          1, 1, 0",
            "bad-timestamp.csv,              BAD_TIMESTAMP,            2, 1, 0",
            "timestamp-out-of-range.csv,     TIMESTAMP_OUT_OF_RANGE,   2, 1, 0",
            "unknown-item.csv,               UNKNOWN_ITEM,             1, 1, 0",
            "ratings-impossible.csv,         IMPOSSIBLE_RATING,        3, 1, 0",
            "ratings-missing.csv,            MISSING_VALUE,            1, 2, 1",
            "facts-bad-relation.csv,         BAD_RELATION,             2, 1, 0",
            "facts-bad-entity-key.csv,       BAD_ENTITY_KEY,           1, 1, 1"})
    void each_defect_is_quarantined_with_its_reason_and_every_row_is_accounted_for(String file, RejectReason reason,
            long quarantined, long loaded, long merged) {
        assertAccount(retail.account(file), reason, quarantined, loaded, merged);
    }

    @ParameterizedTest(name = "{0}: {1} × {2}, loaded {3}, merged {4}")
    @CsvSource({
            "campaign_descriptions.csv,   BAD_DATE_RANGE,            1, 1, 0",
            "campaigns.csv,               UNKNOWN_CAMPAIGN,          1, 1, 1",
            "coupons.csv,                 UNKNOWN_ITEM,              1, 1, 1",
            "coupon_redemptions.csv,      UNKNOWN_COUPON,            1, 1, 1",
            "u.item,                      BAD_FLAG,                  1, 2, 0",
            "u.data,                      IMPOSSIBLE_RATING,         1, 2, 0",
            "item_index2entity_id.txt,    CONFLICTING_MAPPING,       1, 2, 0",
            "kg.txt,                      BAD_RELATION,              1, 1, 0",
            "interactions.tsv,            UNKNOWN_INTERACTION_TYPE,  1, 2, 0"})
    void defects_of_the_built_in_formats_are_quarantined_too(String file, RejectReason reason, long quarantined,
            long loaded, long merged) {
        assertAccount(formats.account(file), reason, quarantined, loaded, merged);
    }

    private static void assertAccount(FileAccount account, RejectReason reason, long quarantined, long loaded,
            long merged) {
        assertThat(account.quarantinedByReason()).containsExactly(Map.entry(reason, quarantined));
        assertThat(account.loadedCount()).as("loaded").isEqualTo(loaded);
        assertThat(account.mergedCount()).as("merged").isEqualTo(merged);
        assertThat(account.readCount()).isEqualTo(quarantined + loaded + merged);
    }

    @Test
    void clean_rows_are_normalised_and_every_cleaning_step_is_counted() {
        FileAccount purchases = retail.account("purchases.csv");
        assertThat(purchases.readCount()).isEqualTo(7);
        assertThat(purchases.loadedCount()).isEqualTo(6);
        assertThat(purchases.mergedCount()).isEqualTo(1);
        assertThat(purchases.fixes()).containsOnly(Map.entry(Fix.TEXT_NORMALISED, 1L),
                Map.entry(Fix.QUANTITY_DEFAULTED, 1L), Map.entry(Fix.DATE_CONVERTED, 2L),
                Map.entry(Fix.MONEY_MISSING, 2L), Map.entry(Fix.PLACEHOLDER_AS_MISSING, 1L),
                Map.entry(Fix.TIME_MISSING, 1L));
        Map<InteractionKey, InteractionAggregate> rows = retail.data().interactionsBySource().get("retail/purchases.csv");
        InteractionAggregate milk = rows.get(new InteractionKey("C1", "P1", InteractionType.PURCHASED));
        assertThat(milk.raw()).isEqualTo(3.0);
        assertThat(milk.count()).isEqualTo(2);
        assertThat(milk.spend()).isCloseTo(5.25, within(1e-12));
        assertThat(rows).containsKey(new InteractionKey("C2", "P2", InteractionType.PURCHASED));
        assertThat(rows.get(new InteractionKey("C3", "P4", InteractionType.PURCHASED)).spend()).isNull();
    }

    @Test
    void text_is_trimmed_put_into_nfc_and_placeholders_become_missing() {
        assertThat(retail.data().items().get("P3").name()).isEqualTo("Caf\u00e9 Cr\u00e8me");
        assertThat(retail.data().items().get("P4").name()).isEqualTo("Bananas");
        assertThat(retail.data().items().get("P4").properties()).doesNotContainKey("brand");
        assertThat(retail.account("products.csv").fixes()).containsOnly(Map.entry(Fix.TEXT_NORMALISED, 2L),
                Map.entry(Fix.PLACEHOLDER_AS_MISSING, 1L));
    }

    @Test
    void duplicate_customers_merge_and_a_column_named_like_a_profile_property_is_kept_apart() {
        FileAccount customers = retail.account("customers.csv");
        assertThat(customers.loadedCount()).isEqualTo(2);
        assertThat(customers.mergedCount()).isEqualTo(1);
        assertThat(retail.data().customers().get("C1")).containsEntry("age", 35L).containsEntry("segment_source", "gold")
                .doesNotContainKey("segment");
    }

    @Test
    void ratings_that_merge_average_rather_than_add_up_in_the_weight() {
        InteractionAggregate twice = retail.data().interactionsBySource().get("retail/ratings-missing.csv")
                .get(new InteractionKey("C2", "P2", InteractionType.RATED));
        assertThat(twice.raw() / twice.count()).isEqualTo(3.0);
    }

    @Test
    void the_quarantine_records_file_line_reason_detail_and_raw_line() {
        assertThat(retail.quarantine()).anySatisfy(l -> assertThat(l).isEqualTo(dirty.resolve("retail/bad-timestamp.csv")
                + "\t3\tBAD_TIMESTAMP\tts '03/04/2024' is not a date or time: ambiguous day/month order; state the "
                + "date format\tC1,P2,1,1.00,03/04/2024,"));
        assertThat(retail.quarantine()).anySatisfy(l -> assertThat(l)
                .startsWith(dirty.resolve("retail/malformed-line.csv") + "\t3\tMALFORMED_LINE\t"));
        assertThat((long) retail.quarantine().size()).isEqualTo(1 + retail.report().totalQuarantined());
    }

    @Test
    void latin_1_titles_decode_and_redeemed_coupons_are_counted() {
        assertThat(formats.data().items().get("2").name()).isEqualTo("\u00catre et avoir (2002)");
        var redemptions = formats.data().marketing().redemptions().values().iterator().next();
        assertThat(redemptions.count()).isEqualTo(2);
    }

    @Test
    void fatal_problems_stop_the_load_naming_file_and_line(@TempDir Path broken) throws IOException {
        Files.copy(dirty.resolve("movielens/u.item"), broken.resolve("u.item"));
        assertThatThrownBy(() -> Staging.read(temp, new MovieLensSource(broken))).isInstanceOf(LoadException.class)
                .hasMessage(broken + ": u.data (optionally .gz) does not exist");

        Files.copy(dirty.resolve("movielens/u.data"), broken.resolve("u.data"));
        assertThatThrownBy(() -> Staging.read(temp, new MovieLensSource(broken, StandardCharsets.UTF_8,
                RatingScale.WHOLE_STARS))).isInstanceOf(LoadException.class)
                .hasMessageStartingWith(broken.resolve("u.item") + ":1: the file is not valid UTF-8");

        Path mapping = broken.resolve("mapping.json");
        Files.writeString(mapping, "{\"files\": [{\"path\": \"u.data\", \"separator\": \"\\t\", \"interactions\": "
                + "{\"customer\": \"user\", \"item\": \"movie\"}}]}");
        assertThatThrownBy(() -> Staging.read(temp, new MappedSource(broken, mapping))).isInstanceOf(LoadException.class)
                .hasMessageStartingWith(broken.resolve("u.data") + ":1: the header has no column 'user'");
    }
}
