-- One request, described by the runner in the environment, and a JSON summary at the end.
--
--   WRK_METHOD   GET (default) or POST
--   WRK_BODY     the request body, if any (already form-encoded)
--   WRK_HEADERS  extra headers, one "Name: value" a line
--
-- Setting wrk.method/body/headers (rather than a request() function) lets wrk format the
-- request once and send the same bytes every time, so the script costs nothing per request.

wrk.method = os.getenv("WRK_METHOD") or "GET"
wrk.body = os.getenv("WRK_BODY")
for line in (os.getenv("WRK_HEADERS") or ""):gmatch("[^\n]+") do
  local name, value = line:match("^([^:]+):%s*(.*)$")
  if name then
    wrk.headers[name] = value
  end
end

-- Latencies in microseconds; "status" counts responses that were not 2xx or 3xx.
function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    'WRK_JSON {"requests": %d, "duration_us": %d, "bytes": %d, "p50_us": %d, "p90_us": %d, '
      .. '"p99_us": %d, "max_us": %d, "connect": %d, "read": %d, "write": %d, "status": %d, '
      .. '"timeout": %d}\n',
    summary.requests, summary.duration, summary.bytes,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    errors.connect, errors.read, errors.write, errors.status, errors.timeout
  ))
end
