-- bench/login.lua - wrk script: POST /passport/login with a JSON body and an operationID header.
-- Environment: BENCH_ACCOUNT, BENCH_PASSWORD (the seeded user, set by bench/run.sh).
-- Each request carries its own operationID (thread id + counter), as a real client's would.
local account = os.getenv("BENCH_ACCOUNT") or error("BENCH_ACCOUNT is not set")
local password = os.getenv("BENCH_PASSWORD") or error("BENCH_PASSWORD is not set")

local function json_string(value)
  return '"' .. value:gsub('\\', '\\\\'):gsub('"', '\\"') .. '"'
end

wrk.method = "POST"
wrk.path = "/passport/login"
wrk.body = '{"account":' .. json_string(account) .. ',"password":' .. json_string(password) .. '}'
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
  wrk.headers["operationID"] = "bench-login-" .. tostring(thread_id or 0) .. "-" .. tostring(counter)
  return wrk.format()
end
