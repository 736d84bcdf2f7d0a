// Anomaly flags (kgrec.anomaly.detect): a detection run finds each anomaly by its key to refresh it and keep the
// reviewers' decisions on its flags.
CREATE CONSTRAINT anomaly_key_unique IF NOT EXISTS FOR (a:Anomaly) REQUIRE a.key IS UNIQUE;
