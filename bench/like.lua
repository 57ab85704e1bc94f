-- bench/like.lua - wrk script: PUT /articles/{articleID}/likes, each (liker, article) pair toggled
-- status 1, 0, 1, ... in turn (every answer is a 200: a like is idempotent); with BENCH_LIKE_MODE=moments
-- POST /chatx/moments/like of posts instead, like and cancel in turn.
-- Environment (set by bench/run.sh): BENCH_LIKE_ARTICLES (comma-separated article IDs, all written by a
-- user who blacklisted none of the likers), BENCH_LIKE_POSTS (the same for moments posts, read in moments
-- mode), BENCH_LIKE_TOKENS (comma-separated access tokens of the likers), BENCH_THREADS (wrk -t).
-- Each wrk thread takes its own share of the articles, so no pair is toggled by two threads at once; a
-- thread walks its articles for one liker, then for the next, so a pair comes back only after
-- (its articles x likers) requests and the requests in flight touch different article rows: no
-- single-row hotspot. Each wrk run starts every pair at status 1 (a pair the warm-up left liked is liked
-- again, a no-op, once).
local function split(value, name)
  local items = {}
  for item in string.gmatch(value or error(name .. " is not set"), "[^,]+") do
    items[#items + 1] = item
  end
  if #items == 0 then
    error(name .. " is empty")
  end
  return items
end

local moments = os.getenv("BENCH_LIKE_MODE") == "moments"
local articles = moments and split(os.getenv("BENCH_LIKE_POSTS"), "BENCH_LIKE_POSTS")
  or split(os.getenv("BENCH_LIKE_ARTICLES"), "BENCH_LIKE_ARTICLES")
local tokens = split(os.getenv("BENCH_LIKE_TOKENS"), "BENCH_LIKE_TOKENS")
local threads = tonumber(os.getenv("BENCH_THREADS") or "1")

-- setup() runs in the main Lua state; thread:set() defines the global thread_id in each thread's own.
local threads_made = 0

function setup(thread)
  threads_made = threads_made + 1
  thread:set("thread_id", threads_made)
end

-- Every request of this thread, formatted once: slots[i] = { status 1, status 0 } of one pair.
local slots = {}
local counter = 0

function init(args)
  local id = thread_id or 1
  local mine = {}
  for i, article in ipairs(articles) do
    if (i - 1) % threads == (id - 1) % threads then
      mine[#mine + 1] = article
    end
  end
  if #mine == 0 then
    mine = articles
  end
  for _, token in ipairs(tokens) do
    for _, article in ipairs(mine) do
      local headers = {
        ["Content-Type"] = "application/json",
        ["operationID"] = "bench-like-" .. tostring(id),
        ["token"] = token,
      }
      if moments then
        slots[#slots + 1] = {
          wrk.format("POST", "/chatx/moments/like", headers, '{"postID":"' .. article .. '"}'),
          wrk.format("POST", "/chatx/moments/like", headers, '{"postID":"' .. article .. '","cancel":true}'),
        }
      else
        local path = "/articles/" .. article .. "/likes"
        slots[#slots + 1] = {
          wrk.format("PUT", path, headers, '{"status":1}'),
          wrk.format("PUT", path, headers, '{"status":0}'),
        }
      end
    end
  end
end

function request()
  local visit = math.floor(counter / #slots)
  local slot = slots[counter % #slots + 1]
  counter = counter + 1
  return slot[visit % 2 + 1]
end

-- With BENCH_LIKE_DELAY_MS set (case (l)), each connection waits that long before each request, so
-- wrk offers about connections * 1000 / delay requests a second instead of as many as it can.
local delay_ms = tonumber(os.getenv("BENCH_LIKE_DELAY_MS") or "")
if delay_ms then
  function delay()
    return delay_ms
  end
end
