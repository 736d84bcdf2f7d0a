package io.kgrec.loader.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kgrec.loader.LoadException;
import io.kgrec.loader.source.completejourney.CompleteJourneySource;
import io.kgrec.loader.source.mapping.MappedSource;
import io.kgrec.loader.stage.InteractionAggregate;
import io.kgrec.loader.stage.InteractionKey;
import io.kgrec.loader.testing.SharedData;
import io.kgrec.loader.testing.Staging;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MappedSourceTest {
    private static final Path EXAMPLE = Path.of("mappings/completejourney-retail-export.json");

    @TempDir
    Path temp;

    @Test
    @Tag("full")
    void the_example_mapping_loads_the_real_export_as_the_built_in_format_does() {
        Path folder = SharedData.path("datasets/completejourney");
        Staging mapped = Staging.read(temp, new MappedSource(folder, EXAMPLE));
        Staging builtIn = Staging.read(temp, new CompleteJourneySource(folder));

        Map<InteractionKey, InteractionAggregate> a = mapped.data().interactionsBySource()
                .get("completejourney/transactions_sample.csv.gz");
        Map<InteractionKey, InteractionAggregate> b = builtIn.data().interactionsBySource()
                .get("completejourney/transactions_sample.csv.gz");
        assertThat(a).hasSize(68_877).hasSameSizeAs(b);
        b.forEach((key, x) -> {
            InteractionAggregate y = a.get(key);
            assertThat(new double[] {y.raw(), y.count(), y.spend(), y.latest()}).as("%s", key)
                    .containsExactly(x.raw(), x.count(), x.spend(), x.latest());
        });
        assertThat(mapped.data().facts()).isEqualTo(builtIn.data().facts());
        assertThat(mapped.data().items().keySet()).isEqualTo(builtIn.data().items().keySet());
        assertThat(mapped.data().customers().keySet()).containsExactlyInAnyOrderElementsOf(
                builtIn.data().customers().keySet().stream().filter(mapped.data().customers()::containsKey).toList());
        assertThat(mapped.data().customers().get("1")).isEqualTo(builtIn.data().customers().get("1"));
        assertThat(mapped.account("transactions_sample.csv.gz").quarantinedByReason())
                .isEqualTo(builtIn.account("transactions_sample.csv.gz").quarantinedByReason());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"files\": []}| files lists no files",
            "{\"files\": [{\"path\": \"a.csv\", \"itmes\": {}}]}| not a valid mapping at files[0].itmes: Unrecognized field \"itmes\"",
            "{\"files\": [{\"path\": \"a.csv\"}]}| files[0] must have exactly one of items, customers, interactions, facts",
            "{\"files\": [{\"path\": \"a.csv\", \"interactions\": {\"type\": \"BOUGHT\", \"customer\": \"c\", \"item\": \"i\"}}]}| files[0].interactions.type 'BOUGHT' is not one of",
            "{\"files\": [{\"path\": \"a.csv\", \"interactions\": {\"type\": \"RATED\", \"customer\": \"c\", \"item\": \"i\"}}]}| files[0].interactions.rating is required for RATED",
            "{\"files\": [{\"path\": \"a.csv\", \"encoding\": \"klingon\", \"customers\": {\"id\": \"c\"}}]}| files[0].encoding is invalid",
            "{\"timezone\": \"Mars/Olympus\", \"files\": [{\"path\": \"a.csv\", \"customers\": {\"id\": \"c\"}}]}| timezone is invalid",
            "{\"files\": [| not valid JSON"})
    void rejects_invalid_mappings_naming_the_file_and_the_key(String json, String message) throws IOException {
        Path mapping = temp.resolve("bad.json");
        Files.writeString(mapping, json);

        assertThatThrownBy(() -> new MappedSource(temp, mapping)).isInstanceOf(LoadException.class)
                .hasMessageStartingWith(mapping.toString()).hasMessageContaining(message.strip());
    }

    @Test
    void a_file_named_by_the_mapping_must_exist() throws IOException {
        Path mapping = temp.resolve("m.json");
        Files.writeString(mapping, "{\"files\": [{\"path\": \"missing.csv\", \"customers\": {\"id\": \"c\"}}]}");

        assertThatThrownBy(() -> Staging.read(temp, new MappedSource(temp, mapping)))
                .isInstanceOf(LoadException.class)
                .hasMessage(temp.resolve("missing.csv") + ": the file does not exist (named in " + mapping + ")");
    }
}
