package io.kgrec.loader.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.kgrec.model.schema.InteractionType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class InteractionStatementsTest {
    @ParameterizedTest
    @EnumSource(InteractionType.class)
    void both_contribution_statements_have_a_static_branch_for_every_interaction_type(InteractionType type) {
        String branch = "WHERE $type = '" + type.relationshipType() + "' MERGE (c)-[r:" + type.relationshipType()
                + "]->(i) RETURN r";

        assertThat(InteractionStatements.CONTRIBUTE).contains(branch);
        assertThat(InteractionStatements.CONTRIBUTE_ALONE).contains(branch);
    }
}
