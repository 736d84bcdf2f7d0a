package io.kgrec.loader.bench;

import java.util.List;

/**
 * The baseline the loader is measured against: the same files loaded with plain {@code LOAD CSV} Cypher, as an
 * analyst would write it (MERGE per row, aggregation in ON MATCH, batched with {@code CALL ... IN TRANSACTIONS}).
 * It runs inside the database, so it pays no Bolt transfer; unlike the loader it neither cleans nor accounts for rows
 * (bad rows are only filtered where a MERGE would fail), and re-running it double-counts aggregates.
 */
final class LoadCsvBaseline {
    /** One statement and the file it reads (relative to the import folder). */
    record Step(String file, String statement) {
    }

    static final List<Step> COMPLETE_JOURNEY = List.of(
            new Step("products.csv.gz", """
                    LOAD CSV WITH HEADERS FROM $url AS row
                    CALL (row) {
                      MERGE (i:Item {id: row.product_id})
                      SET i.department = row.department, i.brand = row.brand, i.product_category = row.product_category,
                          i.product_type = row.product_type, i.package_size = row.package_size,
                          i.name = coalesce(row.product_type + coalesce(' ' + row.package_size, ''),
                                            row.product_category + ' #' + row.product_id, 'product ' + row.product_id)
                      FOREACH (v IN CASE WHEN row.department IS NULL THEN [] ELSE [row.department] END |
                        MERGE (e:Entity {key: 'department:' + v}) ON CREATE SET e:Department, e.type = 'department', e.name = v
                        MERGE (i)-[:IN_DEPARTMENT]->(e))
                      FOREACH (v IN CASE WHEN row.product_category IS NULL THEN [] ELSE [row.product_category] END |
                        MERGE (e:Entity {key: 'product_category:' + v})
                        ON CREATE SET e:ProductCategory, e.type = 'product_category', e.name = v
                        MERGE (i)-[:IN_PRODUCT_CATEGORY]->(e))
                      FOREACH (v IN CASE WHEN row.product_type IS NULL THEN [] ELSE [row.product_type] END |
                        MERGE (e:Entity {key: 'product_type:' + v})
                        ON CREATE SET e:ProductType, e.type = 'product_type', e.name = v
                        MERGE (i)-[:IN_PRODUCT_TYPE]->(e))
                      FOREACH (v IN CASE WHEN row.manufacturer_id IS NULL THEN [] ELSE [row.manufacturer_id] END |
                        MERGE (e:Entity {key: 'manufacturer:' + v})
                        ON CREATE SET e:Manufacturer, e.type = 'manufacturer', e.name = v
                        MERGE (i)-[:MADE_BY]->(e))
                      FOREACH (v IN CASE WHEN row.brand IS NULL THEN [] ELSE [row.brand] END |
                        MERGE (e:Entity {key: 'brand:' + v}) ON CREATE SET e:Brand, e.type = 'brand', e.name = v
                        MERGE (i)-[:HAS_BRAND]->(e))
                    } IN TRANSACTIONS OF 10000 ROWS
                    """),
            new Step("demographics.csv.gz", """
                    LOAD CSV WITH HEADERS FROM $url AS row
                    CALL (row) {
                      MERGE (c:Customer {id: row.household_id})
                      SET c.age = row.age, c.income = row.income, c.home_ownership = row.home_ownership,
                          c.marital_status = row.marital_status, c.household_size = toInteger(row.household_size),
                          c.household_comp = row.household_comp, c.kids_count = toInteger(row.kids_count)
                    } IN TRANSACTIONS OF 10000 ROWS
                    """),
            new Step("transactions_sample.csv.gz", """
                    LOAD CSV WITH HEADERS FROM $url AS row
                    WITH row WHERE toFloat(row.quantity) > 0
                    CALL (row) {
                      MATCH (i:Item {id: row.product_id})
                      MERGE (c:Customer {id: row.household_id})
                      MERGE (c)-[r:PURCHASED]->(i)
                      WITH r, row, toFloat(row.quantity) AS q, toFloat(row.sales_value) AS money,
                           datetime({datetime: localdatetime(replace(row.transaction_timestamp, ' ', 'T')),
                                     timezone: 'America/New_York'}).epochSeconds AS ts
                      SET r.raw = coalesce(r.raw, 0) + q, r.count = coalesce(r.count, 0) + 1,
                          r.spend = coalesce(r.spend, 0) + money,
                          r.timestamp = CASE WHEN r.timestamp IS NULL OR ts > r.timestamp THEN ts ELSE r.timestamp END
                      SET r.weight = log(1 + r.raw)
                    } IN TRANSACTIONS OF 10000 ROWS
                    """),
            new Step("campaign_descriptions.csv.gz", """
                    LOAD CSV WITH HEADERS FROM $url AS row
                    MERGE (k:Campaign {id: row.campaign_id})
                    SET k.type = row.campaign_type, k.start = date(row.start_date), k.end = date(row.end_date)
                    """),
            new Step("campaigns.csv.gz", """
                    LOAD CSV WITH HEADERS FROM $url AS row
                    CALL (row) {
                      MATCH (k:Campaign {id: row.campaign_id})
                      MERGE (c:Customer {id: row.household_id})
                      MERGE (c)-[:TARGETED_BY]->(k)
                    } IN TRANSACTIONS OF 10000 ROWS
                    """),
            new Step("coupons.csv.gz", """
                    LOAD CSV WITH HEADERS FROM $url AS row
                    CALL (row) {
                      MATCH (i:Item {id: row.product_id})
                      MATCH (k:Campaign {id: row.campaign_id})
                      MERGE (cp:Coupon {upc: row.coupon_upc})
                      MERGE (cp)-[:OFFERED_IN]->(k)
                      MERGE (cp)-[:APPLIES_TO]->(i)
                    } IN TRANSACTIONS OF 10000 ROWS
                    """),
            new Step("coupon_redemptions.csv.gz", """
                    LOAD CSV WITH HEADERS FROM $url AS row
                    CALL (row) {
                      MATCH (cp:Coupon {upc: row.coupon_upc})
                      MERGE (c:Customer {id: row.household_id})
                      MERGE (c)-[r:REDEEMED]->(cp)
                      WITH r, datetime({datetime: localdatetime(row.redemption_date + 'T00:00'),
                                        timezone: 'America/New_York'}).epochSeconds AS ts
                      SET r.count = coalesce(r.count, 0) + 1,
                          r.timestamp = CASE WHEN r.timestamp IS NULL OR ts > r.timestamp THEN ts ELSE r.timestamp END
                    } IN TRANSACTIONS OF 10000 ROWS
                    """));

    /**
     * Last.fm: artists mapped to KG entities first (with an index to find them), then plays, then triples whose ends
     * are an artist when mapped and an {@code entity:<id>} otherwise, with the type made from the relation name.
     */
    static final List<Step> LASTFM = List.of(
            new Step(null, "CREATE INDEX item_kg_entity IF NOT EXISTS FOR (i:Item) ON (i.kgEntity)"),
            new Step("item_index2entity_id.txt", """
                    LOAD CSV FROM $url AS line FIELDTERMINATOR '\\t'
                    CALL (line) {
                      MERGE (i:Item {id: line[0]}) SET i.kgEntity = line[1]
                    } IN TRANSACTIONS OF 10000 ROWS
                    """),
            new Step("user_artists.dat", """
                    LOAD CSV WITH HEADERS FROM $url AS row FIELDTERMINATOR '\\t'
                    CALL (row) {
                      MERGE (c:Customer {id: row.userID})
                      MERGE (i:Item {id: row.artistID})
                      MERGE (c)-[r:LISTENED]->(i)
                      SET r.raw = coalesce(r.raw, 0) + toFloat(row.weight), r.count = coalesce(r.count, 0) + 1
                      SET r.weight = log(1 + r.raw)
                    } IN TRANSACTIONS OF 10000 ROWS
                    """),
            new Step("kg.txt", """
                    LOAD CSV FROM $url AS line FIELDTERMINATOR '\\t'
                    CALL (line) {
                      OPTIONAL MATCH (hi:Item {kgEntity: line[0]})
                      OPTIONAL MATCH (ti:Item {kgEntity: line[2]})
                      CALL (line, hi) {
                        WITH line, hi WHERE hi IS NULL
                        MERGE (e:Entity {key: 'entity:' + line[0]}) ON CREATE SET e.type = 'entity', e.name = line[0]
                        RETURN e AS h
                        UNION
                        WITH hi WHERE hi IS NOT NULL
                        RETURN hi AS h
                      }
                      CALL (line, ti) {
                        WITH line, ti WHERE ti IS NULL
                        MERGE (e:Entity {key: 'entity:' + line[2]}) ON CREATE SET e.type = 'entity', e.name = line[2]
                        RETURN e AS t
                        UNION
                        WITH ti WHERE ti IS NOT NULL
                        RETURN ti AS t
                      }
                      MERGE (h)-[:$(toUpper(replace(line[1], '.', '_')))]->(t)
                    } IN TRANSACTIONS OF 10000 ROWS
                    """));

    private LoadCsvBaseline() {
    }
}
