-- bench/post.lua - wrk script: the same JSON POST on every request (a list route of /chatx/moments, whose
-- page is in the body). Environment (set by bench/run.sh): BENCH_POST_BODY (the JSON body),
-- BENCH_POST_TOKEN (the access token), BENCH_POST_OPERATION (the operationID).
local body = os.getenv("BENCH_POST_BODY") or error("BENCH_POST_BODY is not set")
local token = os.getenv("BENCH_POST_TOKEN") or error("BENCH_POST_TOKEN is not set")
local operation = os.getenv("BENCH_POST_OPERATION") or "bench-post"

wrk.method = "POST"
wrk.body = body
wrk.headers["Content-Type"] = "application/json"
wrk.headers["token"] = token
wrk.headers["operationID"] = operation
