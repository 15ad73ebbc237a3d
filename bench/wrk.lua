-- wrk script for bench/run: the credential and organization headers come from the environment
-- (BENCH_TOKEN, BENCH_ORG); at the end it prints one tab-separated RESULT line in the shape
-- bench/LoadGen.java prints (name, requests, req/s, p50 ms, p99 ms, errors, requests).
local token = os.getenv("BENCH_TOKEN")
local org = os.getenv("BENCH_ORG")
local name = os.getenv("BENCH_NAME") or "wrk"
if token ~= nil and token ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. token
end
if org ~= nil and org ~= "" then
  wrk.headers["Chainloop-Organization"] = org
end

function done(summary, latency, requests)
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.status + e.timeout
  io.write(string.format("RESULT\t%s\t%d\t%.0f\t%.2f\t%.2f\t%d\t%d\n", name, summary.requests,
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, errors, summary.requests))
end
