package io.socialbot.triage;

class InMemoryClusterIndexTest extends ClusterIndexContract {

    private final InMemoryClusterIndex index = new InMemoryClusterIndex();

    @Override
    protected ClusterIndex index() {
        return index;
    }
}
