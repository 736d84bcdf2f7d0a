// The audit log of served recommendation lists: found by id, and by customer or time range for reviewers.
CREATE CONSTRAINT served_list_id_unique IF NOT EXISTS FOR (l:ServedList) REQUIRE l.id IS UNIQUE;
CREATE INDEX served_list_customer IF NOT EXISTS FOR (l:ServedList) ON (l.customerId);
CREATE INDEX served_list_at IF NOT EXISTS FOR (l:ServedList) ON (l.at);
