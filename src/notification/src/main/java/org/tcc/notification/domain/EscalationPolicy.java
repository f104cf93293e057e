package org.tcc.notification.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import org.tcc.contracts.Country;
import org.tcc.contracts.events.alert.Acknowledgement;
import org.tcc.contracts.events.alert.AlertLifecycle;
import org.tcc.contracts.events.alert.AlertState;
import org.tcc.contracts.events.alert.Severity;
import org.tcc.contracts.events.consultation.Level;

/**
 * When silence escalates. An ACTIVE alert of severity Extreme or Severe expects an acknowledgement from every country
 * it is releasable to; a country silent past the acknowledgement timeout has the next step of its chain notified,
 * again after each further timeout, until the end of its chain. An acknowledgement, a cancellation, a resolution or a
 * downgrade below Severe stops it.
 */
public final class EscalationPolicy {

    private static final Set<Severity> ESCALATING = EnumSet.of(Severity.Extreme, Severity.Severe);

    private EscalationPolicy() {
    }

    /** True when the alert, as it stands, expects acknowledgements and escalates silence. */
    public static boolean escalates(AlertState alert) {
        return alert != null && alert.lifecycle() == AlertLifecycle.ACTIVE && ESCALATING.contains(alert.severity());
    }

    /** The countries that have acknowledged the alert. */
    public static Set<Country> acknowledged(AlertState alert) {
        Set<Country> result = EnumSet.noneOf(Country.class);
        if (alert != null && alert.acknowledgements() != null) {
            for (Acknowledgement a : alert.acknowledgements()) {
                if (a != null && a.country() != null) {
                    result.add(a.country());
                }
            }
        }
        return result;
    }

    /** The entitled countries still expected to acknowledge (none when the alert does not escalate). */
    public static List<Country> awaitingAcknowledgement(AlertState alert) {
        if (!escalates(alert)) {
            return List.of();
        }
        Set<Country> acked = acknowledged(alert);
        List<Country> result = new ArrayList<>();
        for (Country c : Audience.ordered(alert.releasableTo(), alert.affectedCountries())) {
            if (!acked.contains(c)) {
                result.add(c);
            }
        }
        return result;
    }

    /** When a country that was last notified at {@code notifiedAt} is due for the next step. */
    public static Instant dueAt(Instant notifiedAt, Duration ackTimeout) {
        return notifiedAt.plus(ackTimeout);
    }

    /**
     * The next step to notify after {@code current}, among the steps the country actually has recipients for
     * ({@code staffed}); empty when the chain is exhausted.
     */
    public static Optional<ChainStep> nextStep(ChainStep current, Collection<ChainStep> staffed) {
        for (Optional<ChainStep> s = current.next(); s.isPresent(); s = s.get().next()) {
            if (staffed.contains(s.get())) {
                return s;
            }
        }
        return Optional.empty();
    }

    /**
     * The chain step a consultation escalation reaches in the silent country: the duty officer when the consultation
     * moves to SENIOR level, the senior official at MINISTERIAL level, falling back to the highest staffed step below
     * it (never the liaison, who was already silent). Empty when only liaisons are staffed.
     */
    public static Optional<ChainStep> stepForConsultationLevel(Level toLevel, SortedSet<ChainStep> staffed) {
        ChainStep wanted = toLevel == Level.MINISTERIAL ? ChainStep.SENIOR_OFFICIAL : ChainStep.DUTY_OFFICER;
        for (int level = wanted.level(); level >= ChainStep.DUTY_OFFICER.level(); level--) {
            if (staffed.contains(ChainStep.ofLevel(level))) {
                return Optional.of(ChainStep.ofLevel(level));
            }
        }
        return Optional.empty();
    }
}
