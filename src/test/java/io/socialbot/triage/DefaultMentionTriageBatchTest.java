package io.socialbot.triage;

import io.socialbot.support.MutableClock;
import static io.socialbot.triage.TriageFixtures.mention;
import static io.socialbot.triage.TriageFixtures.retweet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialbot.mention.Mention;
import io.socialbot.mention.StoreUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Triage of a batch: the same decisions as one call per mention, one classifier call, failures kept to their mention. */
class DefaultMentionTriageBatchTest {

    private final MutableClock clock = new MutableClock(TriageFixtures.T0);
    private final TriageProperties settings = TriageFixtures.shippedSettings();
    private final LanguageIdentifier languages = TriageFixtures.languages();

    /** A mixed hour: a storm, near-duplicates, an emergency, spam, and a cluster first refused by the rate guard. */
    private static List<Mention> mixedBatch() {
        List<Mention> batch = new ArrayList<>();
        batch.add(mention("other", "@BrandTel no signal in Hull since this morning at all!"));
        batch.add(mention("1", "@BrandTel whole of Derby has no signal since 7am!"));
        for (int i = 0; i < 5; i++) {
            batch.add(retweet("r" + i, "1", "RT @user1: @BrandTel whole of Derby has no signal since 7am!"));
            batch.add(mention("d" + i, "@BrandTel NO signal in the whole of Leeds since 6am https://t.co/x" + i));
        }
        batch.add(mention("e", "@BrandTel no signal since 6am, my elderly mum can't call 999", "nobody", 10, false));
        batch.add(mention("s", "win a free iPhone, click the link in bio @BrandTel"));
        batch.add(mention("r0", "@BrandTel repeated in the batch"));
        return batch;
    }

    private DefaultMentionTriage tight(ClusterIndex clusters, SentimentClassifier sentiments) {
        return new DefaultMentionTriage(settings, languages, sentiments, clusters,
                new InMemoryRateGuard(clock, new TriageProperties.RateGuard(1.0, 2)));
    }

    @Test
    void aBatchIsDecidedAsOneCallPerMentionWould() {
        DefaultMentionTriage oneByOne = tight(new InMemoryClusterIndex(), TriageFixtures.sentiments());
        DefaultMentionTriage batched = tight(new InMemoryClusterIndex(), TriageFixtures.sentiments());
        List<Mention> batch = mixedBatch();

        List<TriageDecision> expected = batch.stream().map(oneByOne::triage).toList();
        List<MentionTriage.Outcome> outcomes = batched.triageAll(batch);

        assertThat(outcomes).extracting(o -> ((MentionTriage.Outcome.Triaged) o).decision())
                .containsExactlyElementsOf(expected);
        // the batch really exercised posting: some posted, one refused, storm members update the post
        assertThat(expected).filteredOn(d -> d.postedTo() != null).hasSizeBetween(2, 3);
        assertThat(expected).anySatisfy(d -> assertThat(d.reasons()).anyMatch(r -> r.endsWith("rate limit")));
        assertThat(expected).anySatisfy(d -> assertThat(d.reasons()).anyMatch(r -> r.endsWith("updates its post")));
    }

    @Test
    void aBatchIsClassifiedInOneCallToTheClassifier() {
        List<List<String>> calls = new ArrayList<>();
        SentimentClassifier batchOnly = new SentimentClassifier() {
            @Override
            public TriageDecision.Sentiment classify(String text) {
                throw new AssertionError("classified alone: " + text);
            }

            @Override
            public List<TriageDecision.Sentiment> classifyAll(List<String> texts) {
                calls.add(texts);
                return texts.stream().map(TriageFixtures.sentiments()::classify).toList();
            }
        };
        DefaultMentionTriage triage = tight(new InMemoryClusterIndex(), batchOnly);

        List<MentionTriage.Outcome> outcomes = triage.triageAll(List.of(mention("1", "@BrandTel down in Leeds"),
                mention("2", "@BrandTel thanks, all working")));

        assertThat(calls).containsExactly(List.of("@BrandTel down in Leeds", "@BrandTel thanks, all working"));
        assertThat(outcomes).extracting(o -> ((MentionTriage.Outcome.Triaged) o).decision().sentiment())
                .containsExactly(TriageFixtures.sentiments().classify("@BrandTel down in Leeds"),
                        TriageFixtures.sentiments().classify("@BrandTel thanks, all working"));
    }

    @Test
    void aMentionWhoseTriageThrowsFailsAloneInItsBatch() {
        SentimentClassifier breaksOnPoison = text -> {
            if (text.contains("poison")) {
                throw new IllegalStateException("model broke on this one");
            }
            return TriageFixtures.sentiments().classify(text);
        };
        DefaultMentionTriage triage = tight(new InMemoryClusterIndex(), breaksOnPoison);

        List<MentionTriage.Outcome> outcomes = triage.triageAll(List.of(mention("1", "@BrandTel down in Leeds"),
                mention("2", "@BrandTel poison"), mention("3", "@BrandTel down in York")));

        assertThat(outcomes.get(0)).isInstanceOf(MentionTriage.Outcome.Triaged.class);
        assertThat(((MentionTriage.Outcome.Failed) outcomes.get(1)).error()).hasMessage("model broke on this one");
        assertThat(outcomes.get(2)).isInstanceOf(MentionTriage.Outcome.Triaged.class);
    }

    @Test
    void aJoinThatFailsInABatchFailsOnlyItsMention() {
        InMemoryClusterIndex real = new InMemoryClusterIndex();
        ClusterIndex failsOnOne = new ClusterIndex() {
            @Override
            public Membership join(Request request) {
                if (request.mentionKey().equals("twitter:2")) {
                    throw new IllegalStateException("WRONGTYPE");
                }
                return real.join(request);
            }

            @Override
            public boolean claimPost(String clusterId) {
                return real.claimPost(clusterId);
            }
        };
        DefaultMentionTriage triage = tight(failsOnOne, TriageFixtures.sentiments());

        List<MentionTriage.Outcome> outcomes = triage.triageAll(List.of(mention("1", "@BrandTel down in Leeds"),
                mention("2", "@BrandTel down in Leeds too"), mention("3", "@BrandTel down in York")));

        assertThat(outcomes).extracting(o -> o.getClass().getSimpleName())
                .containsExactly("Triaged", "Failed", "Triaged");
        assertThatThrownBy(() -> triage.triage(mention("2", "@BrandTel down in Leeds too"))).hasMessage("WRONGTYPE");
        // the first mention was joined once, not again by the one-by-one retry
        assertThat(real.join(new ClusterIndex.Request("twitter:1", List.of(), List.of(), "", 24, TriageFixtures.T0))
                .size()).isEqualTo(1);
    }

    @Test
    void anUnreachableClusterStoreFailsTheBatchWithoutRetryingEachJoin() {
        AtomicInteger singleJoins = new AtomicInteger();
        ClusterIndex down = new ClusterIndex() {
            @Override
            public Membership join(Request request) {
                singleJoins.incrementAndGet();
                throw new StoreUnavailableException("down", null);
            }

            @Override
            public List<Membership> joinAll(List<Request> requests) {
                throw new StoreUnavailableException("down", null);
            }

            @Override
            public boolean claimPost(String clusterId) {
                throw new AssertionError("nothing joined, nothing to post");
            }
        };
        DefaultMentionTriage triage = tight(down, TriageFixtures.sentiments());

        List<MentionTriage.Outcome> outcomes = triage.triageAll(List.of(mention("1", "@BrandTel down in Leeds"),
                mention("2", "@BrandTel down in York")));

        assertThat(outcomes).allSatisfy(o -> assertThat(((MentionTriage.Outcome.Failed) o).error())
                .isInstanceOf(StoreUnavailableException.class));
        assertThat(singleJoins).hasValue(0);
    }
}
