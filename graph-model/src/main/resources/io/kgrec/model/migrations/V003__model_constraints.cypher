// Trained models: one :Model node per training run, and the customer segments its prior uses.
CREATE CONSTRAINT model_version_unique IF NOT EXISTS FOR (m:Model) REQUIRE m.version IS UNIQUE;
CREATE CONSTRAINT segment_key_unique IF NOT EXISTS FOR (s:Segment) REQUIRE s.key IS UNIQUE;
