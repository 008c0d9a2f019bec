package io.socialbot.casework.redis;

import io.socialbot.casework.CaseOutbox;
import io.socialbot.platform.redis.RedisKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * The outbox on Redis: due sets for posts ({@code {ns}:outbox:P1..P4}) and for updates ({@code UP1..UP4}), scored
 * by when the case is due; the delivery state on the case hash ({@code rev}, {@code shown}, {@code ts}, {@code chid},
 * {@code attempt}, {@code dstate}, {@code fails}, {@code urev}: the last change a person made); a post budget per
 * channel and one update budget for the workspace. Claims and records are Lua scripts: one atomic step each,
 * whatever the number of replicas.
 */
public final class RedisCaseOutbox implements CaseOutbox {

    /** New posts before updates, each most urgent first: a storm's edits never hold back a P1 post. */
    static final List<String> SETS = List.of("P1", "P2", "P3", "P4", "UP1", "UP2", "UP3", "UP4");
    static final int POST_SETS = 4;

    /**
     * A post that only grew (a cluster's new member) is updated at most this often: a storm of edits becomes one
     * update showing the latest state. A person's change (claim, release, resolve, reply) is shown at once.
     */
    static final Duration GROWTH_SPACING = Duration.ofSeconds(5);

    private final UnifiedJedis redis;
    private final RedisKeys keys;
    private final String token = UUID.randomUUID().toString().substring(0, 8);

    public RedisCaseOutbox(UnifiedJedis redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    /** The due sets' common prefix: the priority's name follows. */
    static String outboxPrefix(RedisKeys keys) {
        return keys.key("outbox") + ":";
    }

    private List<String> dueSets() {
        return SETS.stream().map(p -> outboxPrefix(keys) + p).toList();
    }

    /** The set a case is in now: its post set until it has a post, then its update set. */
    private String dueSet(String caseKey) {
        List<String> h = redis.hmget(keys.key("case", caseKey), "priority", "ts");
        return outboxPrefix(keys) + (h.get(1) == null ? "" : "U") + (h.get(0) == null ? "P4" : h.get(0));
    }

    private String postSet(String caseKey) {
        String p = redis.hget(keys.key("case", caseKey), "priority");
        return outboxPrefix(keys) + (p == null ? "P4" : p);
    }

    private String updateSet(String postSet) {
        return postSet.substring(0, postSet.lastIndexOf(':') + 1) + "U" + postSet.substring(postSet.lastIndexOf(':') + 1);
    }

    private String caseKey(String key) {
        return keys.key("case", key);
    }

    @Override
    public List<Delivery> claimDue(Instant now, int max, Duration lease, Budget posts, Budget updates) {
        List<String> scriptKeys = new ArrayList<>(dueSets());
        scriptKeys.addAll(List.of(updateBudget(), updateBudget() + ":wait"));
        List<?> rows = (List<?>) OutboxScripts.CLAIM.run(redis, scriptKeys, List.of(String.valueOf(now.toEpochMilli()),
                String.valueOf(max), String.valueOf(lease.toMillis()), String.valueOf(posts.pace().toMillis()),
                keys.key("case") + ":", keys.key("slack-pace") + ":", token, String.valueOf(posts.burst()),
                String.valueOf(updates.pace().toMillis()), String.valueOf(updates.burst())));
        List<Delivery> out = new ArrayList<>(rows.size());
        for (Object row : rows) {
            List<?> r = (List<?>) row;
            out.add(new Delivery((String) r.get(0), (String) r.get(1), (String) r.get(2), blankToNull(r.get(3)),
                    blankToNull(r.get(4)), Long.parseLong((String) r.get(5)), Integer.parseInt((String) r.get(6)),
                    "1".equals(r.get(7)), Instant.ofEpochMilli(Long.parseLong((String) r.get(8)))));
        }
        return out;
    }

    @Override
    public List<String> renew(List<Delivery> held, Instant now, Duration lease) {
        if (held.isEmpty()) {
            return List.of();
        }
        List<String> scriptKeys = new ArrayList<>(dueSets());
        List<String> args = new ArrayList<>(List.of(String.valueOf(now.toEpochMilli()),
                String.valueOf(lease.toMillis())));
        for (Delivery d : held) {
            scriptKeys.addAll(List.of(caseKey(d.caseKey()), busyKey(d.channel())));
            args.addAll(List.of(d.caseKey(), d.attempt(), d.isPost() ? "1" : ""));
        }
        List<?> lost = (List<?>) OutboxScripts.RENEW.run(redis, scriptKeys, args);
        return lost.stream().map(String.class::cast).toList();
    }

    /** The workspace's chat.update budget (a key no channel name can take: those start with '#' or are ids). */
    private String updateBudget() {
        return keys.key("slack-pace-updates");
    }

    private static String blankToNull(Object o) {
        return o == null || ((String) o).isEmpty() ? null : (String) o;
    }

    @Override
    public Recorded recordPosted(Delivery d, String channelId, String ts, Instant now) {
        String posts = postSet(d.caseKey());
        String r = (String) OutboxScripts.POSTED.run(redis, List.of(caseKey(d.caseKey()), posts, updateSet(posts)),
                List.of(d.caseKey(), d.attempt(), channelId == null ? "" : channelId, ts, String.valueOf(d.rev()),
                        String.valueOf(now.toEpochMilli())));
        return switch (r) {
            case "first" -> Recorded.FIRST;
            case "again" -> Recorded.AGAIN;
            default -> Recorded.DUPLICATE;
        };
    }

    @Override
    public void recordUpdated(Delivery d, Instant now) {
        OutboxScripts.UPDATED.run(redis, List.of(caseKey(d.caseKey()), dueSet(d.caseKey())),
                List.of(d.caseKey(), d.attempt(), String.valueOf(d.rev()), String.valueOf(now.toEpochMilli())));
    }

    @Override
    public int retryAt(Delivery d, Instant at, boolean inDoubt) {
        return retry(d, at, inDoubt, true);
    }

    @Override
    public void waitUntil(Delivery d, Instant at, boolean inDoubt) {
        retry(d, at, inDoubt, false);
    }

    private int retry(Delivery d, Instant at, boolean inDoubt, boolean counted) {
        return ((Long) OutboxScripts.RETRY.run(redis, List.of(caseKey(d.caseKey()), dueSet(d.caseKey())),
                List.of(d.caseKey(), d.attempt(), String.valueOf(at.toEpochMilli()), inDoubt ? "1" : "0",
                        counted ? "1" : "0"))).intValue();
    }

    @Override
    public void paceChannel(String channel, Instant until, Duration slot) {
        hardWait(keys.key("slack-pace", channel) + ":wait", until);
        OutboxScripts.REFUND.run(redis, List.of(keys.key("slack-pace", channel)),
                List.of(String.valueOf(slot.toMillis())));
    }

    @Override
    public void channelFree(Delivery d) {
        OutboxScripts.FREE.run(redis, List.of(busyKey(d.channel())), List.of(d.attempt()));
    }

    /** The channel's post in flight ('attempt|leased until'), as the claim script names it from its prefix. */
    private String busyKey(String channel) {
        return keys.key("slack-pace", String.valueOf(channel)) + ":busy";
    }

    @Override
    public void paceUpdates(Instant until) {
        hardWait(updateBudget() + ":wait", until);
    }

    private void hardWait(String key, Instant until) {
        long untilMs = until.toEpochMilli();
        OutboxScripts.WAIT.run(redis, List.of(key), List.of(String.valueOf(untilMs),
                String.valueOf(Math.max(1, untilMs - System.currentTimeMillis()) + 3_600_000L)));
    }

    @Override
    public void lost(Delivery d, Instant now) {
        String posts = postSet(d.caseKey());
        OutboxScripts.LOST.run(redis, List.of(caseKey(d.caseKey()), updateSet(posts), posts),
                List.of(d.caseKey(), d.messageTs(), String.valueOf(now.toEpochMilli())));
    }

    @Override
    public void park(Delivery d, String reason) {
        OutboxScripts.PARK.run(redis, List.of(caseKey(d.caseKey()), dueSet(d.caseKey())),
                List.of(d.caseKey(), d.attempt(), reason));
    }

    @Override
    public boolean firstReport(String caseKey, String kind) {
        return "OK".equals(redis.set(keys.key("outbox-reported", kind, caseKey), "1",
                SetParams.setParams().nx().ex(Duration.ofDays(30).toSeconds())));
    }

    @Override
    public long pending() {
        long n = 0;
        for (String set : dueSets()) {
            n += redis.zcard(set);
        }
        return n;
    }
}
