// Campaigns and coupons from marketing data, and the register of loaded source files, are found by their keys.
CREATE CONSTRAINT campaign_id_unique IF NOT EXISTS FOR (c:Campaign) REQUIRE c.id IS UNIQUE;
CREATE CONSTRAINT coupon_upc_unique IF NOT EXISTS FOR (c:Coupon) REQUIRE c.upc IS UNIQUE;
CREATE CONSTRAINT source_file_key_unique IF NOT EXISTS FOR (s:SourceFile) REQUIRE s.key IS UNIQUE;
