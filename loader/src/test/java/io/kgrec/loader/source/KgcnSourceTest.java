package io.kgrec.loader.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.kgrec.loader.source.kgcn.KgcnSource;
import io.kgrec.loader.stage.Fact;
import io.kgrec.loader.stage.FileAccount;
import io.kgrec.loader.stage.InteractionKey;
import io.kgrec.loader.testing.SharedData;
import io.kgrec.loader.testing.Staging;
import io.kgrec.model.schema.InteractionType;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads the Last.fm listening data with its Satori knowledge graph (KGCN format). Expected counts were computed
 * independently with Python: 92,834 plays by 1,892 users of 17,632 artists; 3,846 artists mapped to entities;
 * 15,518 distinct triples over 60 relations, 56 of them between two mapped artists; 5,520 unmapped entities.
 */
@Tag("full")
class KgcnSourceTest {
    @TempDir
    static Path temp;

    private static Staging staged;

    @BeforeAll
    static void read() {
        staged = Staging.read(temp, new KgcnSource(SharedData.path("datasets/kgcn-lastfm")));
    }

    @Test
    void accounts_for_every_play_mapping_and_triple() {
        assertThat(staged.account("user_artists.dat").loadedCount()).isEqualTo(92_834);
        assertThat(staged.account("item_index2entity_id.txt").loadedCount()).isEqualTo(3_846);
        assertThat(staged.account("kg.txt").loadedCount()).isEqualTo(15_518);
        assertThat(staged.report().accounts()).allMatch(FileAccount::balances)
                .allMatch(a -> a.quarantinedCount() == 0);
    }

    @Test
    void mapped_entities_are_the_artists_themselves_and_others_become_entities() {
        assertThat(staged.data().customers()).hasSize(1_892);
        assertThat(staged.data().items()).hasSize(17_632);
        assertThat(staged.data().entities()).hasSize(5_520).allSatisfy((k, v) -> assertThat(k).startsWith("entity:"));
        assertThat(staged.data().facts().stream().filter(f -> f.headIsItem() && f.tailIsItem())).hasSize(56);
        assertThat(staged.data().facts().stream().map(Fact::type).distinct()).hasSize(60)
                .contains("MUSIC_ARTIST_ORIGIN", "FILM_ACTOR_FILM");
    }

    @Test
    void plays_are_listens_with_the_play_count_as_their_value() {
        var plays = staged.data().interactionsBySource().get("kgcn-lastfm/user_artists.dat");
        assertThat(plays).hasSize(92_834);
        assertThat(plays.keySet()).allMatch(k -> k.type() == InteractionType.LISTENED);
        assertThat(plays.get(new InteractionKey("2", "51", InteractionType.LISTENED)).raw())
                .isEqualTo(13_883.0);
    }
}
