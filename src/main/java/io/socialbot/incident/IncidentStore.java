package io.socialbot.incident;

import io.socialbot.casework.CurrentIncident;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Incidents of one brand (one namespace): at most one runs at a time; updates and history are kept. */
public interface IncidentStore extends CurrentIncident {

    /** The outcome of a start. */
    sealed interface StartResult {
    }

    record Started(Incident incident) implements StartResult {
    }

    /** Another incident runs: its name is what the lead needs to read. */
    record AlreadyRunning(Incident running) implements StartResult {
    }

    /** The name was used by an earlier incident; names identify incidents across cases and digests. */
    record NameTaken(String name) implements StartResult {
    }

    StartResult start(String name, String channel, String by, Instant at);

    /** Stops the running incident; empty when none runs. */
    Optional<Incident> stop(String by, Instant at);

    Optional<Incident> current();

    Optional<Incident> find(String name);

    /** Past and running incidents, newest first. */
    List<Incident> list();

    /** Records an update on the running incident; empty when none runs. */
    Optional<StatusUpdate> addUpdate(String text, String author, Instant at);

    /** Updates of one incident, oldest first. */
    List<StatusUpdate> updates(String incident);

    Optional<StatusUpdate> findUpdate(String updateId);

    /** The latest update of the running incident, for reply templates and digests. */
    @Override
    default Optional<String> latestUpdateText() {
        return latestUpdate().map(StatusUpdate::text);
    }

    default Optional<StatusUpdate> latestUpdate() {
        return current().flatMap(i -> {
            List<StatusUpdate> all = updates(i.name());
            return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
        });
    }

    @Override
    default Optional<String> name() {
        return current().map(Incident::name);
    }
}
