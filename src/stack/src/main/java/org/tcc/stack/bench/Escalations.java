package org.tcc.stack.bench;

import java.util.Map;
import java.util.TreeMap;

/**
 * Acknowledgement escalations seen on the liaisons' streams ({@code kind = ACKNOWLEDGEMENT_OVERDUE}), counted by
 * chain step, whichever alert (or run) they come from: they load the stack during whatever point they fall in.
 */
final class Escalations {

    static final String KIND = "ACKNOWLEDGEMENT_OVERDUE";

    private Map<String, Long> byStep = new TreeMap<>();

    synchronized void seen(String chainStep) {
        byStep.merge(chainStep == null || chainStep.isBlank() ? "?" : chainStep, 1L, Long::sum);
    }

    /** The escalations seen since the last call, by chain step. */
    synchronized Map<String, Long> take() {
        Map<String, Long> taken = byStep;
        byStep = new TreeMap<>();
        return taken;
    }

    static long total(Map<String, Long> byStep) {
        return byStep.values().stream().mapToLong(Long::longValue).sum();
    }
}
