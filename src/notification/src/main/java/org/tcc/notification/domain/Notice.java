package org.tcc.notification.domain;

import java.util.List;
import org.tcc.contracts.events.TrafficStatus;

/**
 * What a recipient is told, before it is put into a language: a title (the e-mail subject) and the lines of the text,
 * as {@link Message}s. {@link NoticeRenderer} writes it in each recipient's language. Exercise and test traffic is
 * labelled in the title and opens the text with a disclaimer in every language, and {@code trafficStatus} (with the
 * language-independent {@link #label}) is carried in every payload.
 */
public record Notice(Kind kind, TrafficStatus trafficStatus, Message title, List<Message> lines) {

    public Notice {
        lines = List.copyOf(lines);
    }

    /** A notice whose title and text read the same in every language (tests, system notices). */
    public static Notice verbatim(Kind kind, TrafficStatus trafficStatus, String title, String text) {
        return new Notice(kind, trafficStatus, Message.verbatim(title), List.of(Message.verbatim(text)));
    }

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

    /** "[EXERCISE]", "[TEST]" or empty for real traffic: the payload's {@code label}, the same in every language. */
    public static String label(TrafficStatus status) {
        return isPractice(status) ? "[" + status.name() + "]" : "";
    }

    /** Exercise or test traffic. */
    public static boolean isPractice(TrafficStatus status) {
        return status != null && status != TrafficStatus.ACTUAL;
    }
}
