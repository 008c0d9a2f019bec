package io.socialbot.casework.redis;

import io.socialbot.platform.redis.RedisScript;

/**
 * The outbox's Lua scripts ({@link RedisCaseOutbox}): each claim and record is one atomic step on Redis, whatever
 * the number of replicas.
 */
final class OutboxScripts {

    /** Due entries looked at per set and claim: far more than a storm's backlog of posts (triage paces them). */
    static final int SCAN = 500;

    private OutboxScripts() {
    }

    // Lua: when the post of a case that moved since it was shown is due: at once for a person's change, else spaced.
    static final String DUE_AGAIN = """
            local function dueAgain(h_urev, shown, now)
              if tonumber(h_urev or '0') > tonumber(shown) then return now end
              return now + %d
            end
            """.formatted(RedisCaseOutbox.GROWTH_SPACING.toMillis());

    // KEYS: the due sets, posts most urgent first, then updates; then the update budget and its wait key. ARGV: now,
    // max, lease ms, post pace ms, case prefix, post budget prefix, token, post burst, update pace ms, update burst.
    // The case hashes and the post budgets (a budget per channel, with its ':wait' and ':busy' keys) are found in
    // the data, a due set's members and a case's channel, so they are built here from the prefixes; they carry the
    // namespace's hash tag like the declared keys, which keeps them on the same cluster slot. Each budget is a GCRA
    // (one per pace, bursts of up to burst): posts per channel, updates for the workspace (chat.update is not
    // limited per channel); a Retry-After is a hard wait on the budget's ':wait' key. Posts below P1 leave the last
    // slot of a channel's burst free, so a P1 in a channel busy with others goes at once, not a pace later. A post
    // waiting for its channel keeps its place (its score): entries of a full channel are passed over, never moved, so
    // each channel stays in order and a busy channel's backlog holds back no other channel (up to SCAN entries a set
    // are looked at).
    static final RedisScript CLAIM = new RedisScript("""
            local now = tonumber(ARGV[1])
            local max = tonumber(ARGV[2])
            local lease = tonumber(ARGV[3])
            local function busyUntil(budget) -- the channel's post in flight: 'attempt|leased until', on the clock given
              local v = redis.call('GET', budget .. ':busy')
              return v and tonumber(string.match(v, '|(%%d+)$') or '0') or 0
            end
            local function admit(budget, wait, pace, burst, kept) -- kept: burst slots only a P1 post may take
              local waited = tonumber(redis.call('GET', wait) or '0')
              local tat = math.max(now, tonumber(redis.call('GET', budget) or '0'))
              if waited > now or tat - now > pace * math.max(0, burst - 1 - kept) then return false end
              redis.call('SET', budget, tat + pace, 'PX', pace * burst + 60000)
              return true
            end
            local full = {}
            local out = {}
            local updates = KEYS[#KEYS - 1]
            for i = 1, #KEYS - 2 do
              local post = i <= %d
              if not post and full[updates] then break end -- the workspace's updates wait: all of them
              local offset = 0
              while #out < max and offset < %d do
                local page = redis.call('ZRANGEBYSCORE', KEYS[i], '-inf', now, 'LIMIT', offset, 100)
                if #page == 0 then break end
                offset = offset + #page
                for _, key in ipairs(page) do
                  if #out >= max then break end
                  local case = ARGV[5] .. key
                  local h = redis.call('HMGET', case, 'channel', 'ts', 'chid', 'rev', 'shown', 'dstate', 'fails', 'first')
                  if not h[1] then
                    redis.call('ZREM', KEYS[i], key)
                  elseif h[2] and tonumber(h[5] or '-1') >= tonumber(h[4] or '0') then
                    redis.call('ZREM', KEYS[i], key)
                  else
                    local budget = post and (ARGV[6] .. h[1]) or updates
                    local go = false
                    if not full[budget] then
                      if post and busyUntil(budget) > now then
                        go = false -- one post in flight per channel: a burst never meets a Retry-After in flight
                      elseif post then
                        go = admit(budget, budget .. ':wait', tonumber(ARGV[4]), tonumber(ARGV[8]), i == 1 and 0 or 1)
                      else
                        go = admit(budget, KEYS[#KEYS], tonumber(ARGV[9]), tonumber(ARGV[10]), 0)
                      end
                      if not go then full[budget] = true end
                    end
                    if go then
                      local doubt = '0'
                      if not h[2] then
                        if h[6] then doubt = '1' end
                        redis.call('HSET', case, 'dstate', 'sending')
                        if not h[8] then h[8] = ARGV[1]; redis.call('HSET', case, 'first', ARGV[1]) end
                      end
                      local attempt = ARGV[7] .. ':' .. ARGV[1] .. ':' .. key
                      redis.call('HSET', case, 'attempt', attempt)
                      if post then
                        redis.call('SET', budget .. ':busy', attempt .. '|' .. (now + lease), 'PX', lease + 60000)
                      end
                      redis.call('ZADD', KEYS[i], now + lease, key)
                      table.insert(out, {key, attempt, h[1], h[3] or '', h[2] or '', h[4] or '0', h[7] or '0', doubt,
                        h[8] or ARGV[1]})
                    end
                  end
                end
                if not post and full[updates] then break end -- the workspace's updates wait: all of them
              end
            end
            return out
            """.formatted(RedisCaseOutbox.POST_SETS, SCAN));

    // KEYS: case, post set, update set; ARGV: key, attempt, channel id, ts, rev shown, now
    static final RedisScript POSTED = new RedisScript(DUE_AGAIN + """
            local h = redis.call('HMGET', KEYS[1], 'ts', 'rev', 'attempt', 'lost', 'urev')
            if h[1] and h[1] ~= ARGV[4] then return 'duplicate' end
            local first = 'again'
            if not h[1] and not h[4] then first = 'first' end
            redis.call('HSET', KEYS[1], 'ts', ARGV[4], 'chid', ARGV[3], 'shown', ARGV[5], 'fails', 0, 'shownat', ARGV[6])
            redis.call('HDEL', KEYS[1], 'dstate', 'parked')
            if h[3] == ARGV[2] then redis.call('HDEL', KEYS[1], 'attempt') end
            if h[3] == ARGV[2] or not h[1] then redis.call('ZREM', KEYS[2], ARGV[1]) end
            if tonumber(h[2] or '0') > tonumber(ARGV[5]) then
              redis.call('ZADD', KEYS[3], dueAgain(h[5], ARGV[5], tonumber(ARGV[6])), ARGV[1])
            end
            return first
            """);

    // KEYS: case, due set; ARGV: key, attempt, rev shown, now
    static final RedisScript UPDATED = new RedisScript(DUE_AGAIN + """
            local h = redis.call('HMGET', KEYS[1], 'rev', 'attempt', 'shown', 'urev')
            if tonumber(h[3] or '-1') < tonumber(ARGV[3]) then redis.call('HSET', KEYS[1], 'shown', ARGV[3]) end
            redis.call('HSET', KEYS[1], 'fails', 0, 'shownat', ARGV[4])
            if h[2] ~= ARGV[2] then return 0 end
            redis.call('HDEL', KEYS[1], 'attempt')
            if tonumber(h[1] or '0') > tonumber(ARGV[3]) then
              redis.call('ZADD', KEYS[2], dueAgain(h[4], ARGV[3], tonumber(ARGV[4])), ARGV[1])
            else
              redis.call('ZREM', KEYS[2], ARGV[1])
            end
            return 1
            """);

    // KEYS: case, due set; ARGV: key, attempt, due, in doubt, counted ('0': Slack asked to wait, not a failure);
    // returns the failures so far, -1 when not ours
    static final RedisScript RETRY = new RedisScript("""
            if redis.call('HGET', KEYS[1], 'attempt') ~= ARGV[2] then return -1 end
            local fails = tonumber(redis.call('HGET', KEYS[1], 'fails') or '0')
            if ARGV[5] == '1' then fails = redis.call('HINCRBY', KEYS[1], 'fails', 1) end
            redis.call('HDEL', KEYS[1], 'attempt')
            if not redis.call('HGET', KEYS[1], 'ts') then
              if ARGV[4] == '1' then redis.call('HSET', KEYS[1], 'dstate', 'doubt') else redis.call('HDEL', KEYS[1], 'dstate') end
            end
            local due = tonumber(ARGV[3])
            if ARGV[5] == '0' then
              -- a wait Slack asked for is held by the budget's wait key: the delivery keeps its place in line
              due = math.min(due, tonumber(redis.call('HGET', KEYS[1], 'received') or ARGV[3]))
            end
            redis.call('ZADD', KEYS[2], due, ARGV[1])
            return fails
            """);

    // KEYS: case, update set, post set; ARGV: key, ts that is gone, now
    static final RedisScript LOST = new RedisScript("""
            if redis.call('HGET', KEYS[1], 'ts') ~= ARGV[2] then return 0 end
            redis.call('HDEL', KEYS[1], 'ts', 'chid', 'dstate', 'attempt', 'first', 'shown')
            redis.call('HSET', KEYS[1], 'fails', 0, 'lost', ARGV[2])
            redis.call('ZREM', KEYS[2], ARGV[1])
            redis.call('ZADD', KEYS[3], ARGV[3], ARGV[1])
            return 1
            """);

    // KEYS: case, due set; ARGV: key, attempt, reason
    static final RedisScript PARK = new RedisScript("""
            if redis.call('HGET', KEYS[1], 'attempt') ~= ARGV[2] then return 0 end
            redis.call('HDEL', KEYS[1], 'attempt')
            redis.call('HSET', KEYS[1], 'parked', ARGV[3])
            redis.call('ZREM', KEYS[2], ARGV[1])
            return 1
            """);

    // KEYS: a channel's busy key; ARGV: the attempt that holds it
    static final RedisScript FREE = new RedisScript("""
            local v = redis.call('GET', KEYS[1])
            if v and string.sub(v, 1, #ARGV[1] + 1) == ARGV[1] .. '|' then redis.call('DEL', KEYS[1]) end
            return 1
            """);

    // KEYS: the due sets (P1..P4, then UP1..UP4: the sets a delivery's lease is kept in), then per delivery in hand its
    // case hash and its channel's busy key; ARGV: now, lease ms, then key, attempt, '1' for a post ('' for an update)
    // per delivery. Each still held is due again only at now + lease, and its channel's post in flight is leased as
    // long; returns the keys not held.
    static final RedisScript RENEW = new RedisScript("""
            local now = tonumber(ARGV[1])
            local lease = tonumber(ARGV[2])
            local lost = {}
            for j = 0, (#ARGV - 2) / 3 - 1 do
              local key, attempt, post = ARGV[3 + j * 3], ARGV[4 + j * 3], ARGV[5 + j * 3] == '1'
              local h = redis.call('HMGET', KEYS[%1$d + 1 + j * 2], 'attempt', 'priority')
              if h[1] ~= attempt then
                table.insert(lost, key)
              else
                local set = KEYS[(post and 0 or %2$d) + tonumber(string.sub(h[2] or 'P4', 2))]
                redis.call('ZADD', set, 'XX', now + lease, key)
                if post then
                  local busy = KEYS[%1$d + 2 + j * 2]
                  local v = redis.call('GET', busy)
                  if v and string.sub(v, 1, #attempt + 1) == attempt .. '|' then
                    redis.call('SET', busy, attempt .. '|' .. (now + lease), 'PX', lease + 60000)
                  end
                end
              end
            end
            return lost
            """.formatted(RedisCaseOutbox.SETS.size(), RedisCaseOutbox.POST_SETS));

    // KEYS: a budget; ARGV: the slot to give back (ms)
    static final RedisScript REFUND = new RedisScript("""
            local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
            if tat > 0 then redis.call('SET', KEYS[1], tat - tonumber(ARGV[1]), 'KEEPTTL') end
            return 1
            """);

    // KEYS: a budget's wait key; ARGV: until ms, ttl ms. Never shortens a wait another replica was given.
    static final RedisScript WAIT = new RedisScript("""
            local cur = tonumber(redis.call('GET', KEYS[1]) or '0')
            if tonumber(ARGV[1]) > cur then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) end
            return 1
            """);
}
