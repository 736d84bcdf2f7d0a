package io.kgrec.loader.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kgrec.loader.LoadException;
import io.kgrec.loader.read.Fix;
import io.kgrec.loader.source.canonical.CanonicalSource;
import io.kgrec.loader.source.movielens.MovieLensSource;
import io.kgrec.loader.stage.FileAccount;
import io.kgrec.loader.stage.InteractionAggregate;
import io.kgrec.loader.stage.InteractionKey;
import io.kgrec.loader.stage.RatingScale;
import io.kgrec.loader.testing.SharedData;
import io.kgrec.loader.testing.Staging;
import io.kgrec.model.schema.InteractionType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads the native MovieLens 100K files. Expected counts were computed independently with Python over the same files:
 * 100,000 ratings, all on the 1–5 scale and of known movies; 1,682 movies (1,681 with a release date); 2,891 genre
 * flags other than "unknown"; 943 users.
 */
@Tag("full")
class MovieLensSourceTest {
    @TempDir
    static Path temp;

    private static Staging staged;

    @BeforeAll
    static void read() {
        staged = Staging.read(temp, new MovieLensSource(SharedData.path("datasets/ml-100k")));
    }

    @Test
    void accounts_for_every_rating_movie_and_user() {
        assertThat(staged.account("u.data").readCount()).isEqualTo(100_000);
        assertThat(staged.account("u.data").loadedCount()).isEqualTo(100_000);
        assertThat(staged.account("u.item").loadedCount()).isEqualTo(1_682);
        assertThat(staged.account("u.user").loadedCount()).isEqualTo(943);
        assertThat(staged.report().accounts()).allMatch(FileAccount::balances)
                .allMatch(a -> a.quarantinedCount() == 0);
        assertThat(staged.account("u.item").fixes()).containsEntry(Fix.DATE_CONVERTED, 1_681L)
                .containsEntry(Fix.NAME_MISSING, 1L);
    }

    @Test
    void decodes_titles_as_iso_8859_1_and_turns_genre_flags_into_facts() {
        assertThat(staged.data().items().get("543").name()).isEqualTo("Misérables, Les (1995)");
        assertThat(staged.data().items().get("1").properties()).containsEntry("released", "1995-01-01");
        assertThat(staged.data().facts()).hasSize(2_891).allMatch(f -> f.type().equals("HAS_GENRE"));
        assertThat(staged.data().entities()).containsKey("genre:Children's").doesNotContainKey("genre:unknown");
        assertThat(staged.data().customers().get("1")).containsEntry("age", 24L).containsEntry("zip_code", "85711");
    }

    @Test
    void ratings_equal_the_canonical_conversion_of_the_same_files() {
        Staging canonical = Staging.read(temp, new CanonicalSource(SharedData.path("eval/data/ml-100k"),
                SharedData.path("eval/data/ml-100k/interactions.tsv"), InteractionType.RATED,
                RatingScale.WHOLE_STARS));
        Map<InteractionKey, InteractionAggregate> nativeRatings = staged.data().interactionsBySource()
                .get("ml-100k/u.data");
        Map<InteractionKey, InteractionAggregate> converted = canonical.data().interactionsBySource()
                .get("ml-100k/interactions.tsv");

        assertThat(nativeRatings).hasSameSizeAs(converted);
        converted.forEach((key, a) -> {
            InteractionAggregate n = nativeRatings.get(key);
            assertThat(n.raw()).as("rating of %s", key).isEqualTo(a.raw());
            assertThat(n.latest()).as("time of %s", key).isEqualTo(a.latest());
        });
    }

    @Test
    void reading_the_latin_1_file_as_utf_8_stops_at_the_first_undecodable_line() {
        MovieLensSource asUtf8 = new MovieLensSource(SharedData.path("datasets/ml-100k"), StandardCharsets.UTF_8,
                RatingScale.WHOLE_STARS);

        assertThatThrownBy(() -> Staging.read(temp, asUtf8)).isInstanceOf(LoadException.class)
                .hasMessageContaining("u.item:543: the file is not valid UTF-8");
    }
}
