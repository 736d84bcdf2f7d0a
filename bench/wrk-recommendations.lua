-- wrk cross-check of the load benchmark: POSTs recommendations(first: 10) with full reasons, rotating through the
-- customer ids in the file named by the CUSTOMERS environment variable (one a line; LoadBenchmark --write-customers
-- writes it), each wrk thread starting at its own offset. Usage (after bench/load.sh has prepared the data):
--   CUSTOMERS=target/bench/customers.txt wrk -t2 -c16 -d30s --latency -s bench/wrk-recommendations.lua \
--       http://127.0.0.1:18080/graphql
-- Set WORKLOAD=baseline for the naive baseline.
local query_recs = 'query R($c: ID!) { recommendations(customerId: $c, first: 10) { listId edges { node { '
  .. 'recommendationId rank score item { id name } reasons { kind contribution sentence nodes { kind id name size } '
  .. 'relationships { type direction } } scoreTerms { name value } } } } }'
local query_base = 'query B($c: ID!) { baselineRecommendations(customerId: $c, first: 10) { rank coCustomers '
  .. 'item { id name } } }'

local customers = {}
for line in io.lines(os.getenv("CUSTOMERS")) do
  customers[#customers + 1] = line
end
local query = os.getenv("WORKLOAD") == "baseline" and query_base or query_recs
local counter = 0
local threads = 0

function setup(thread)
  thread:set("offset", threads * 997)
  threads = threads + 1
end

function request()
  counter = counter + 1
  local c = customers[((offset or 0) + counter) % #customers + 1]
  local body = '{"query":"' .. query .. '","variables":{"c":"' .. c .. '"}}'
  return wrk.format("POST", "/graphql", {["Content-Type"] = "application/json",
    ["X-API-Key"] = os.getenv("KEY") or "demo-frontend-key"}, body)
end

-- wrk counts non-2xx answers only; GraphQL errors in a 200 answer are checked by LoadBenchmark, not here.
function done(summary, latency, requests)
  io.write(string.format("non-2xx answers: %d\n", summary.errors.status))
end
