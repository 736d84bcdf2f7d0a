package io.kgrec.cypher.model;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ModelConfigTest {

    static Stream<Arguments> badConfigurations() {
        return Stream.of(
                Arguments.of((Executable) () -> new ModelConfig.Ease(0, 0, 0, 10, true, 2, 100), "lambda"),
                Arguments.of((Executable) () -> new ModelConfig.Ease(1, -1, 0, 10, true, 2, 100), "kappa"),
                Arguments.of((Executable) () -> new ModelConfig.Ease(1, 0, 0, 0, true, 2, 100), "topK"),
                Arguments.of((Executable) () -> new ModelConfig.Ease(1, 0, 0, 10, true, 0, 100), "minCount"),
                Arguments.of((Executable) () -> new ModelConfig.Walk(WalkFamily.Normalisation.rp3(1, 0), 0),
                        "walk.topK"),
                Arguments.of((Executable) () -> new ModelConfig.KnowledgeGraph(1, 0, 1, 10, 10), "maxFanout"),
                Arguments.of((Executable) () -> new ModelConfig.Embedding(0, 1, 10, 10, 100), "dimension"),
                Arguments.of((Executable) () -> new BlendWeights(-1, 0, 0, 0, 0, 0), "finite and >= 0"),
                Arguments.of((Executable) () -> new BlendWeights(1, 0, 0, 0, 0, Double.NaN), "priorDecay"));
    }

    @ParameterizedTest
    @MethodSource("badConfigurations")
    void rejects_bad_configurations_with_a_message_naming_the_parameter(Executable create, String fragment) {
        assertThatThrownBy(create::execute)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(fragment);
    }
}
