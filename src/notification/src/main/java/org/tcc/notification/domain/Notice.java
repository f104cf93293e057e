package org.tcc.notification.domain;

import org.tcc.contracts.events.TrafficStatus;

/**
 * What a recipient is told, the same on every channel: a title (the e-mail subject) and a text. Exercise and test
 * traffic is labelled in the title ("[EXERCISE] ...", "[TEST] ...") and in the text, and {@code trafficStatus} is
 * carried in every payload.
 */
public record Notice(Kind kind, TrafficStatus trafficStatus, String title, String text) {

    /** What the notification is about. */
    public enum Kind {
        /** An alert was raised, updated, cancelled or resolved. */
        ALERT,
        /** A country has not acknowledged a Severe or Extreme alert in time: the next step of its chain is told. */
        ACKNOWLEDGEMENT_OVERDUE,
        /** Something happened in a consultation the country takes part in. */
        CONSULTATION,
        /** A consultation escalated because the country stayed silent: its duty officer (or above) is told. */
        CONSULTATION_ESCALATED
    }

    /** "[EXERCISE]", "[TEST]" or empty for real traffic. */
    public static String label(TrafficStatus status) {
        return status == null || status == TrafficStatus.ACTUAL ? "" : "[" + status.name() + "]";
    }

    /** {@code title} prefixed with the traffic label. */
    public static String labelled(TrafficStatus status, String title) {
        String label = label(status);
        return label.isEmpty() ? title : label + " " + title;
    }

    /** The line that opens the text of practice traffic; empty for real traffic. */
    public static String disclaimer(TrafficStatus status) {
        return status == null || status == TrafficStatus.ACTUAL ? ""
                : "THIS IS " + status.name() + " TRAFFIC - NOT A REAL EVENT.\n\n";
    }
}
