package io.kgrec.loader.write;

/**
 * The parameterised statements that write campaigns, coupons and their links; each link statement returns how many of
 * its rows found both ends ({@code matched}).
 */
final class MarketingStatements {
    static final String CAMPAIGNS = """
            UNWIND $rows AS row
            MERGE (c:Campaign {id: row.id})
            SET c.type = CASE row.type WHEN '' THEN null ELSE row.type END, c.start = row.start, c.end = row.end
            """;
    static final String COUPONS = """
            UNWIND $rows AS row
            MERGE (:Coupon {upc: row.upc})
            """;
    static final String TARGETED_BY = """
            UNWIND $rows AS row
            MATCH (c:Customer {id: row.from})
            MATCH (k:Campaign {id: row.to})
            MERGE (c)-[:TARGETED_BY]->(k)
            RETURN count(*) AS matched
            """;
    static final String OFFERED_IN = """
            UNWIND $rows AS row
            MATCH (c:Coupon {upc: row.from})
            MATCH (k:Campaign {id: row.to})
            MERGE (c)-[:OFFERED_IN]->(k)
            RETURN count(*) AS matched
            """;
    static final String APPLIES_TO = """
            UNWIND $rows AS row
            MATCH (c:Coupon {upc: row.from})
            MATCH (i:Item {id: row.to})
            MERGE (c)-[:APPLIES_TO]->(i)
            RETURN count(*) AS matched
            """;
    static final String REDEEMED = """
            UNWIND $rows AS row
            MATCH (c:Customer {id: row.from})
            MATCH (k:Coupon {upc: row.to})
            MERGE (c)-[r:REDEEMED]->(k)
            SET r.count = row.count, r.timestamp = row.timestamp
            RETURN count(*) AS matched
            """;

    private MarketingStatements() {
    }
}
