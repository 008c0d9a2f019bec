package io.socialbot.casework;

import java.util.List;
import org.slf4j.LoggerFactory;

/** Told of every case step, once per step, in the order they happened for a case. */
public interface CaseEventListener {
    void on(CaseEvent event);

    /** Tells every listener; one that fails is logged and the others are still told (the step has happened). */
    static void tellAll(List<CaseEventListener> listeners, CaseEvent event) {
        for (CaseEventListener listener : listeners) {
            try {
                listener.on(event);
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(CaseEventListener.class).error("{} failed on {}: {}",
                        listener.getClass().getSimpleName(), event, e.toString());
            }
        }
    }
}
