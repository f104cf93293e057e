package org.tcc.consultation.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.tcc.contracts.Country;
import org.tcc.contracts.events.TrafficStatus;
import org.tcc.contracts.events.alert.AlertType;
import org.tcc.contracts.events.alert.Region;

/**
 * One consultation per crisis: decides whether an alert that meets the convening policy joins an open consultation
 * on the same unfolding crisis or convenes its own.
 *
 * <p>An alert joins an open consultation (CONVENING, IN_SESSION or PROPOSED) convened by policy when
 * <ul>
 *   <li>it is of the same {@link Key}: alert type, region and traffic status (an exercise never joins a real
 *   crisis);</li>
 *   <li>it was raised within {@code window} of the consultation's alerts: no earlier than {@code window} before its
 *   first alert and no later than {@code window} after its latest one (the window slides with each alert added, so a
 *   launch and its follow-ups stay together while the consultation is open);</li>
 *   <li>its participants (the countries it is releasable to) are exactly the consultation's. The participants of a
 *   consultation are those every one of its alerts is releasable to, and they never change: an alert releasable to
 *   fewer countries would show it to a country it is not releasable to, and one releasable to more would leave a
 *   country it is releasable to unconsulted (it cannot be added, since the earlier alerts are not releasable to it).
 *   Either way the alert gets a consultation of its own, and later alerts of the same releasability join that one.
 *   </li>
 * </ul>
 * Of several matching consultations the one with the latest alert wins. A window of zero or less turns grouping off.
 *
 * @param window how far apart (by {@code raisedAt}) alerts of one crisis may be
 */
public record CrisisGrouping(Duration window) {

    public CrisisGrouping {
        Objects.requireNonNull(window, "window");
    }

    /** What makes alerts candidates for one crisis; also the unit of the lock that serialises grouping. */
    public record Key(AlertType type, Region region, TrafficStatus status) implements Comparable<Key> {

        private static final Comparator<Key> ORDER = Comparator.comparing(Key::type).thenComparing(Key::region)
                .thenComparing(Key::status);

        @Override
        public int compareTo(Key other) {
            return ORDER.compare(this, other);
        }

        @Override
        public String toString() {
            return type + " in " + region + " (" + status + ")";
        }
    }

    /** An open policy consultation of a crisis key, with the span of its alerts' {@code raisedAt}. */
    public record Open(String consultationId, Key key, Set<Country> participants, Instant firstAlertAt,
                       Instant lastAlertAt) {

        public Open {
            participants = participants.isEmpty() ? EnumSet.noneOf(Country.class) : EnumSet.copyOf(participants);
        }
    }

    public sealed interface Decision permits Join, ConveneOwn {
    }

    /** The alert joins this consultation. */
    public record Join(String consultationId) implements Decision {
    }

    /** The alert convenes a consultation of its own; {@code reason} goes to its audit entry. */
    public record ConveneOwn(String reason) implements Decision {
    }

    public boolean enabled() {
        return !window.isZero() && !window.isNegative();
    }

    /**
     * Groups an alert of {@code key}, raised at {@code raisedAt}, whose policy participants are {@code participants},
     * among the open consultations {@code open} (those of other keys are ignored).
     */
    public Decision group(Key key, Set<Country> participants, Instant raisedAt, Collection<Open> open) {
        if (!enabled()) {
            return new ConveneOwn("crisis grouping is off");
        }
        List<Open> sameKey = open.stream().filter(o -> o.key().equals(key)).toList();
        if (sameKey.isEmpty()) {
            return new ConveneOwn("no open consultation on " + key);
        }
        List<Open> inWindow = sameKey.stream().filter(o -> within(o, raisedAt))
                .sorted(Comparator.comparing(Open::lastAlertAt).reversed().thenComparing(Open::consultationId))
                .toList();
        if (inWindow.isEmpty()) {
            return new ConveneOwn("no open consultation on " + key + " has an alert raised within " + window
                    + " of this one");
        }
        Optional<Open> same = inWindow.stream().filter(o -> o.participants().equals(participants)).findFirst();
        if (same.isPresent()) {
            return new Join(same.get().consultationId());
        }
        Open nearest = inWindow.get(0);
        Set<Country> theirs = nearest.participants();
        if (theirs.containsAll(participants)) {
            return new ConveneOwn("releasable to " + sorted(participants) + ", fewer countries than the participants "
                    + sorted(theirs) + " of open consultation " + nearest.consultationId()
                    + ": a consultation of its own, so that no country sees an alert not releasable to it");
        }
        if (participants.containsAll(theirs)) {
            Set<Country> more = EnumSet.copyOf(participants);
            more.removeAll(theirs);
            return new ConveneOwn("releasable to " + sorted(participants) + ", more countries than the participants "
                    + sorted(theirs) + " of open consultation " + nearest.consultationId()
                    + ", whose alerts are not all releasable to " + sorted(more)
                    + ": a consultation of its own, so that " + sorted(more) + " is consulted on it");
        }
        return new ConveneOwn("releasable to " + sorted(participants) + ", other countries than the participants "
                + sorted(theirs) + " of open consultation " + nearest.consultationId() + ": a consultation of its own");
    }

    private boolean within(Open o, Instant raisedAt) {
        return !raisedAt.isBefore(o.firstAlertAt().minus(window)) && !raisedAt.isAfter(o.lastAlertAt().plus(window));
    }

    private static List<Country> sorted(Set<Country> countries) {
        return countries.stream().sorted().toList();
    }
}
