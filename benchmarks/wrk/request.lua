-- One request, described by the runner in the environment, and a JSON summary at the end.
--
--   WRK_METHOD   GET (default) or POST
--   WRK_BODY     the request body, if any (already form-encoded)
--   WRK_HEADERS  extra headers, one "Name: value" a line
--   WRK_RUN      a token of this run of wrk, for WRK_UNIQUE below
--   WRK_PATHS_FILE   a file of paths to ask in turn, one a line (instead of the URL's own)
--   WRK_FIRST_PATH   where in that file this run starts (0 if unset)
--   WRK_THREADS      wrk's thread count: thread n asks path n, n + WRK_THREADS, ...
--
-- Setting wrk.method/body/headers (rather than a request() function) lets wrk format the
-- request once and send the same bytes every time, so the script costs nothing per request.
-- The exception: a body holding WRK_UNIQUE gets it replaced by a token of its own in every
-- request (the run, the thread, a count), for a site that refuses the same comment twice.

wrk.method = os.getenv("WRK_METHOD") or "GET"
wrk.body = os.getenv("WRK_BODY")
for line in (os.getenv("WRK_HEADERS") or ""):gmatch("[^\n]+") do
  local name, value = line:match("^([^:]+):%s*(.*)$")
  if name then
    wrk.headers[name] = value
  end
end

-- WRK_PATHS_FILE: searches that differ, so that no cache answers them. The threads take
-- turns along the file, so no two requests of a run ask the same path (until it wraps).
local paths = {}
if os.getenv("WRK_PATHS_FILE") then
  for path in io.lines(os.getenv("WRK_PATHS_FILE")) do
    paths[#paths + 1] = path
  end
end
if #paths > 0 then
  local threads = 0
  function setup(thread)
    thread:set("offset", threads)
    threads = threads + 1
  end
  local stride = tonumber(os.getenv("WRK_THREADS") or "1")
  local first = tonumber(os.getenv("WRK_FIRST_PATH") or "0")
  local asked = 0
  function request()
    local index = first + offset + asked * stride
    asked = asked + 1
    return wrk.format(nil, paths[(index % #paths) + 1])
  end
end

if wrk.body and wrk.body:find("WRK_UNIQUE", 1, true) then
  local threads = 0
  function setup(thread)
    threads = threads + 1
    thread:set("thread_number", threads)
  end

  local run = os.getenv("WRK_RUN") or ""
  local sent = 0
  function request()
    sent = sent + 1
    local token = run .. "-" .. tostring(thread_number) .. "-" .. sent
    return wrk.format(nil, nil, nil, (wrk.body:gsub("WRK_UNIQUE", token)))
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
