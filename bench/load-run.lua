-- wrk script for bench/load-run.sh: counts every response that is not 2xx (wrk itself counts only 4xx and 5xx, so a
-- redirect to the sign-in page would pass unseen) and prints one line the load run reads. Headers (the sign-in cookie
-- or the API token) come from wrk's -H.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  not_2xx = 0
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    not_2xx = not_2xx + 1
  end
end

function done(summary, latency, requests)
  local bad = 0
  for _, thread in ipairs(threads) do
    bad = bad + thread:get("not_2xx")
  end
  local e = summary.errors
  io.write(string.format(
    "LOADRUN requests=%d duration_us=%d p50_us=%d p99_us=%d max_us=%d not_2xx=%d connect=%d read=%d write=%d timeout=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), latency.max,
    bad, e.connect, e.read, e.write, e.timeout))
end
