package io.kgrec.loader;

import static org.assertj.core.api.Assertions.assertThat;

import io.kgrec.loader.source.completejourney.CompleteJourneySource;
import io.kgrec.loader.stage.FileAccount;
import io.kgrec.loader.stage.RejectReason;
import io.kgrec.loader.testing.BoltNeo4j;
import io.kgrec.loader.testing.SharedData;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads the real Complete Journey files. Expected counts were computed independently with Python's csv module
 * over the same files: 75,000 lines; 416 with quantity ≤ 0; 1 positive line naming a product missing from
 * products.csv; 68,877 distinct household–product pairs among the rest; 2,373 households; 801 with demographics.
 * Marketing: 27 campaigns; 6,589 distinct household–campaign targetings; 116,204 coupon rows of which 16 name a
 * product missing from products.csv and 10,757 repeat an earlier coupon–campaign and coupon–product pair (981
 * coupons, 1,197 coupon–campaign and 105,246 coupon–product links); 2,102 redemptions, 80 of them repeats of a
 * household–coupon pair; 2,375 households in all.
 */
@Tag("full")
class CompleteJourneyLoadTest {
    private static BoltNeo4j neo4j;
    private static LoadResult result;

    @TempDir
    static Path temp;

    @BeforeAll
    static void load() {
        neo4j = BoltNeo4j.start();
        result = new Loader(neo4j.driver(), neo4j.database()).load(
                List.of(new CompleteJourneySource(SharedData.path("datasets/completejourney"))),
                temp.resolve("quarantine.tsv"), ZoneOffset.UTC);
    }

    @AfterAll
    static void stop() {
        neo4j.close();
    }

    private static FileAccount account(String fileName) {
        return result.report().accounts().stream()
                .filter(a -> a.file().getFileName().toString().equals(fileName)).findFirst().orElseThrow();
    }

    @Test
    void accounts_for_every_transaction_line() {
        FileAccount tx = account("transactions_sample.csv.gz");
        assertThat(tx.readCount()).isEqualTo(75_000);
        assertThat(tx.quarantinedByReason()).containsOnly(
                Map.entry(RejectReason.NON_POSITIVE_QUANTITY, 416L), Map.entry(RejectReason.UNKNOWN_ITEM, 1L));
        assertThat(tx.loadedCount()).isEqualTo(68_877);
        assertThat(tx.mergedCount()).isEqualTo(75_000 - 416 - 1 - 68_877);
        assertThat(result.report().accounts()).allMatch(FileAccount::balances);
    }

    @Test
    void builds_the_retail_knowledge_graph() {
        assertThat(neo4j.count("MATCH (:Customer)-[r:PURCHASED]->(:Item) RETURN count(r)")).isEqualTo(68_877);
        assertThat(neo4j.count("MATCH (c:Customer) WHERE (c)-[:PURCHASED]->() RETURN count(c)")).isEqualTo(2_373);
        assertThat(neo4j.count("MATCH (c:Customer) WHERE c.income IS NOT NULL RETURN count(c)")).isEqualTo(801);
        assertThat(neo4j.count("MATCH (i:Item) RETURN count(i)")).isEqualTo(92_331);
        assertThat(neo4j.count("MATCH (d:Department) RETURN count(d)")).isEqualTo(32);
        assertThat(neo4j.count("MATCH (b:Brand) RETURN count(b)")).isEqualTo(2);
        assertThat(neo4j.count("MATCH (:Item {id:'25671'})-[:IN_PRODUCT_TYPE]->(t:ProductType) "
                + "WHERE t.name = 'ICE - CRUSHED/CUBED' RETURN count(t)")).isEqualTo(1);
    }

    @Test
    void campaigns_and_coupons_become_nodes_linked_to_customers_and_items() {
        assertThat(account("coupons.csv.gz").quarantinedByReason()).containsOnly(Map.entry(RejectReason.UNKNOWN_ITEM, 16L));
        assertThat(account("coupons.csv.gz").mergedCount()).isEqualTo(10_757);
        assertThat(account("coupon_redemptions.csv.gz").mergedCount()).isEqualTo(80);
        assertThat(neo4j.count("MATCH (c:Campaign) RETURN count(c)")).isEqualTo(27);
        assertThat(neo4j.count("MATCH (c:Coupon) RETURN count(c)")).isEqualTo(981);
        assertThat(neo4j.count("MATCH (:Customer)-[r:TARGETED_BY]->(:Campaign) RETURN count(r)")).isEqualTo(6_589);
        assertThat(neo4j.count("MATCH (:Coupon)-[r:OFFERED_IN]->(:Campaign) RETURN count(r)")).isEqualTo(1_197);
        assertThat(neo4j.count("MATCH (:Coupon)-[r:APPLIES_TO]->(:Item) RETURN count(r)")).isEqualTo(105_246);
        assertThat(neo4j.count("MATCH (:Customer)-[r:REDEEMED]->(:Coupon) RETURN sum(r.count)")).isEqualTo(2_102);
        assertThat(neo4j.count("MATCH (c:Customer) RETURN count(c)")).isEqualTo(2_375);
        assertThat(neo4j.count("MATCH (c:Campaign {id: '1'}) WHERE c.type = 'Type B' AND c.start = date('2017-03-03') "
                + "RETURN count(c)")).isEqualTo(1);
    }

    @Test
    void profiles_are_computed_after_the_load() {
        assertThat(result.profiles().customers()).isEqualTo(2_375);
        assertThat(result.profiles().profiled()).isEqualTo(2_373);
        assertThat(neo4j.count("MATCH (c:Customer) WHERE c.segment IS NOT NULL AND c.activityLevel IS NOT NULL "
                + "RETURN count(c)")).isEqualTo(2_375);
        assertThat(neo4j.count("MATCH (c:Customer)-[h:HAS_AFFINITY {type: 'department', rank: 1}]->(:Department) "
                + "RETURN count(c)")).isEqualTo(2_373);
        assertThat(neo4j.count("MATCH (c:Customer {id: '2261'}) RETURN c.recencyDays")).isNotNegative();
    }

    @Test
    void purchases_carry_quantity_spend_and_new_york_time() {
        // household 2261 bought product 940996 once in the sample: 1 unit, $3.86, 2017-01-28 14:06:53 New York.
        var r = neo4j.driver().executableQuery("""
                MATCH (:Customer {id:'2261'})-[p:PURCHASED]->(:Item {id:'940996'})
                RETURN p.raw AS raw, p.spend AS spend, p.timestamp AS ts, p.count AS count
                """).execute().records().get(0);
        assertThat(r.get("raw").asDouble()).isEqualTo(1.0);
        assertThat(r.get("spend").asDouble()).isEqualTo(3.86);
        assertThat(r.get("ts").asLong()).isEqualTo(
                java.time.LocalDateTime.parse("2017-01-28T14:06:53").atZone(CompleteJourneySource.ZONE).toEpochSecond());
    }
}
