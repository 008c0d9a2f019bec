package io.socialbot.casework;

/** Told of every case step, once per step, in the order they happened for a case. */
public interface CaseEventListener {
    void on(CaseEvent event);
}
