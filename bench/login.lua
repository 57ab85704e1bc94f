-- bench/login.lua - wrk script: POST /passport/login with a JSON body and an operationID header.
-- Environment: BENCH_ACCOUNTS (comma-separated seeded usernames), BENCH_PASSWORD (set by bench/run.sh).
-- Requests take the accounts in turn, so no account has more than a few checks in flight (passport
-- reserves a lockout attempt per check), and each carries its own operationID, as a real client's would.
local password = os.getenv("BENCH_PASSWORD") or error("BENCH_PASSWORD is not set")
local accounts = {}
for name in string.gmatch(os.getenv("BENCH_ACCOUNTS") or error("BENCH_ACCOUNTS is not set"), "[^,]+") do
  accounts[#accounts + 1] = name
end

local function json_string(value)
  return '"' .. value:gsub('\\', '\\\\'):gsub('"', '\\"') .. '"'
end

wrk.method = "POST"
wrk.path = "/passport/login"
wrk.headers["Content-Type"] = "application/json"

-- setup() runs in the main Lua state; thread:set() defines the global thread_id in each thread's own.
local threads_made = 0

function setup(thread)
  threads_made = threads_made + 1
  thread:set("thread_id", threads_made)
end

local counter = 0

function request()
  counter = counter + 1
  local account = accounts[(counter + (thread_id or 0)) % #accounts + 1]
  wrk.body = '{"account":' .. json_string(account) .. ',"password":' .. json_string(password) .. '}'
  wrk.headers["operationID"] = "bench-login-" .. tostring(thread_id or 0) .. "-" .. tostring(counter)
  return wrk.format()
end
