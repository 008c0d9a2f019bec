package io.socialbot.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every {@link ClusterIndex} must do; each implementation's test extends this. */
public abstract class ClusterIndexContract {

    protected abstract ClusterIndex index();

    private static final Instant T = TriageFixtures.T0;
    private static final String SIG_A = "0".repeat(8 * NearDuplicates.HASHES);
    private static final String SIG_NEAR_A = "1".repeat(8 * 6) + "0".repeat(8 * 18);
    private static final String SIG_FAR = "1".repeat(8 * 12) + "0".repeat(8 * 12);

    private static ClusterIndex.Request request(String key, List<String> links, List<String> bands, String sig,
                                                Instant at) {
        return new ClusterIndex.Request(key, links, bands, sig, 18, at);
    }

    @Test
    void theFirstMentionNamesItsOwnCluster() {
        var m = index().join(request("t:1", List.of("o:t:1"), List.of("b0:aa"), SIG_A, T));

        assertThat(m).isEqualTo(new ClusterIndex.Membership("t:1", 1, T, false, false));
    }

    @Test
    void retweetLinksJoinTheOriginalsCluster() {
        index().join(request("t:1", List.of("o:t:1"), List.of(), SIG_A, T));
        var rt = index().join(request("t:2", List.of("o:t:1", "o:t:2"), List.of(), "", T.plusSeconds(60)));

        assertThat(rt).isEqualTo(new ClusterIndex.Membership("t:1", 2, T, true, false));
    }

    @Test
    void contentBandsJoinOnlyWhenTheSignatureAgrees() {
        index().join(request("t:1", List.of("o:t:1"), List.of("b0:aa", "b1:bb"), SIG_A, T));
        var near = index().join(request("t:2", List.of("o:t:2"), List.of("b0:aa", "b1:cc"), SIG_NEAR_A, T));
        var far = index().join(request("t:3", List.of("o:t:3"), List.of("b0:aa", "b1:dd"), SIG_FAR, T));

        assertThat(near).isEqualTo(new ClusterIndex.Membership("t:1", 2, T, false, false));
        assertThat(far.clusterId()).isEqualTo("t:3");
        assertThat(far.size()).isEqualTo(1);
    }

    @Test
    void joiningTwiceDoesNotGrowTheCluster() {
        index().join(request("t:1", List.of("o:t:1"), List.of(), SIG_A, T));
        index().join(request("t:2", List.of("o:t:1", "o:t:2"), List.of(), "", T));
        var again = index().join(request("t:2", List.of("o:t:1", "o:t:2"), List.of(), "", T));

        assertThat(again.clusterId()).isEqualTo("t:1");
        assertThat(again.size()).isEqualTo(2);
    }

    @Test
    void exactlyOneClaimPostsACluster() {
        index().join(request("t:1", List.of("o:t:1"), List.of(), SIG_A, T));

        assertThat(index().claimPost("t:1")).isTrue();
        assertThat(index().claimPost("t:1")).isFalse();
        assertThat(index().claimPost("t:unknown")).isFalse();
        assertThat(index().join(request("t:2", List.of("o:t:1", "o:t:2"), List.of(), "", T)).posted()).isTrue();
        assertThat(index().join(request("t:1", List.of("o:t:1"), List.of(), SIG_A, T)).posted()).isTrue();
    }

    @Test
    void shortTextsMatchOnlyIdenticalEmptySignatures() {
        index().join(request("t:1", List.of("o:t:1"), List.of("xabc"), "", T));
        var same = index().join(request("t:2", List.of("o:t:2"), List.of("xabc"), "", T));

        assertThat(same.clusterId()).isEqualTo("t:1");
    }

    @Test
    void joinAllAnswersAsOneJoinEachInOrder() {
        index().join(request("t:1", List.of("o:t:1"), List.of("b0:aa"), SIG_A, T));
        index().claimPost("t:1");

        var all = index().joinAll(List.of(
                request("t:2", List.of("o:t:1", "o:t:2"), List.of(), "", T.plusSeconds(5)),
                request("t:3", List.of("o:t:3"), List.of("b0:aa"), SIG_NEAR_A, T.plusSeconds(6)),
                request("t:4", List.of("o:t:4"), List.of("b0:aa"), SIG_FAR, T.plusSeconds(7)),
                request("t:5", List.of("o:t:4", "o:t:5"), List.of(), "", T.plusSeconds(8)),
                request("t:2", List.of("o:t:1", "o:t:2"), List.of(), "", T.plusSeconds(5))));

        assertThat(all).containsExactly(
                new ClusterIndex.Membership("t:1", 2, T, true, true),
                new ClusterIndex.Membership("t:1", 3, T, false, true),
                new ClusterIndex.Membership("t:4", 1, T.plusSeconds(7), false, false),
                new ClusterIndex.Membership("t:4", 2, T.plusSeconds(7), true, false),
                new ClusterIndex.Membership("t:1", 3, T, false, true));
        assertThat(index().joinAll(List.of())).isEmpty();
    }
}
