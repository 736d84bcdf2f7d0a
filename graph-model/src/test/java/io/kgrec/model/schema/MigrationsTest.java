package io.kgrec.model.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationsTest {
    @Test
    void shipped_migrations_are_consecutive_and_idempotent() {
        List<Migration> all = Migrations.all();

        assertThat(all).extracting(Migration::version).startsWith(1, 2);
        for (int i = 0; i < all.size(); i++) {
            assertThat(all.get(i).version()).isEqualTo(i + 1);
        }
        assertThat(all).flatExtracting(Migration::statements).allSatisfy(s -> assertThat(s).contains("IF NOT EXISTS"));
    }

    @Test
    void splits_statements_at_semicolons_ending_a_line_and_skips_comments() {
        Migration m = Migration.parse("V007__two_things.cypher", """
                // why
                CREATE INDEX a IF NOT EXISTS
                  FOR (n:A) ON (n.x);
                CREATE INDEX b IF NOT EXISTS FOR (n:B) ON (n.y);
                """);

        assertThat(m.version()).isEqualTo(7);
        assertThat(m.description()).isEqualTo("two things");
        assertThat(m.statements()).containsExactly("CREATE INDEX a IF NOT EXISTS\nFOR (n:A) ON (n.x)",
                "CREATE INDEX b IF NOT EXISTS FOR (n:B) ON (n.y)");
        assertThat(m.checksum()).hasSize(64);
    }

    @Test
    void rejects_bad_names_and_unterminated_statements() {
        assertThatThrownBy(() -> Migration.parse("V1__x.cypher", "RETURN 1;"))
                .hasMessageContaining("is not of the form V<3 digits>__<snake_case>.cypher");
        assertThatThrownBy(() -> Migration.parse("V001__x.cypher", "RETURN 1"))
                .hasMessage("V001__x.cypher: the last statement does not end with ';'");
    }
}
