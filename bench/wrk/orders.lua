-- wrk: single-line orders of one unit through POST /api/orders, as the benchmark's load generator places them
-- (bench/README.md, "Measuring with wrk"). Settings come from the environment:
--   SOURCED_CUSTOMERS  customer ids, comma-separated; each order is for one of them at random
--   SOURCED_PRODUCTS   product ids, comma-separated; each order is of one of them at random
--   SOURCED_USER, SOURCED_PASSWORD   the HTTP Basic sign-in, admin/admin by default; a customer (alice/alice) may
--                      leave SOURCED_CUSTOMERS unset to order for themselves
-- At the end it prints how many answers were not 202 Accepted, by status.

local function split(list)
  local items = {}
  for item in string.gmatch(list or "", "[^,%s]+") do
    items[#items + 1] = item
  end
  return items
end

local alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

local function base64(text)
  return ((text:gsub(".", function(char)
    local bits, byte = "", char:byte()
    for i = 8, 1, -1 do
      bits = bits .. (byte % 2 ^ i - byte % 2 ^ (i - 1) > 0 and "1" or "0")
    end
    return bits
  end) .. "0000"):gsub("%d%d%d?%d?%d?%d?", function(bits)
    if #bits < 6 then
      return ""
    end
    local value = 0
    for i = 1, 6 do
      value = value + (bits:sub(i, i) == "1" and 2 ^ (6 - i) or 0)
    end
    return alphabet:sub(value + 1, value + 1)
  end) .. ({ "", "==", "=" })[#text % 3 + 1])
end

local customers = split(os.getenv("SOURCED_CUSTOMERS"))
local products = split(os.getenv("SOURCED_PRODUCTS"))
if #products == 0 then
  error("SOURCED_PRODUCTS is empty: give at least one product id (bench/README.md)")
end
local user = os.getenv("SOURCED_USER") or "admin"
local password = os.getenv("SOURCED_PASSWORD") or "admin"

wrk.method = "POST"
wrk.path = "/api/orders"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Basic " .. base64(user .. ":" .. password)

local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  threads[#threads + 1] = thread
end

function init(args)
  math.randomseed(os.time() + id)
  unexpected = {}
end

function request()
  local line = '{"productId":"' .. products[math.random(#products)] .. '","quantity":1}'
  local body
  if #customers > 0 then
    body = '{"customerId":"' .. customers[math.random(#customers)] .. '","lines":[' .. line .. ']}'
  else
    body = '{"lines":[' .. line .. ']}'
  end
  return wrk.format(nil, nil, nil, body)
end

function response(status, headers, body)
  if status ~= 202 then
    unexpected[status] = (unexpected[status] or 0) + 1
  end
end

function done(summary, latency, requests)
  local counts, any = {}, false
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("unexpected")) do
      counts[status] = (counts[status] or 0) + count
      any = true
    end
  end
  if not any then
    io.write("every answer was 202 Accepted\n")
  end
  for status, count in pairs(counts) do
    io.write(string.format("answers %d: %d\n", status, count))
  end
end
