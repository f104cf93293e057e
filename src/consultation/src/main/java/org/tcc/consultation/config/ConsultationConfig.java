package org.tcc.consultation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tcc.contracts.events.TrafficStatus;
import org.tcc.contracts.events.alert.AlertType;
import org.tcc.contracts.events.alert.Region;
import org.tcc.contracts.events.alert.Severity;

/** The consultation service's business configuration (documented in docs/consultation.md). */
@ConfigMapping(prefix = "tcc.consultation")
public interface ConsultationConfig {

    /** Which alerts convene a consultation, and at which level. */
    Policy policy();

    /** How long participants have to join and to respond. */
    DeadlineConfig deadlines();

    /** The escalation job. */
    Escalation escalation();

    /** The audit chain's signed checkpoints (docs/security.md, "Audit chain"). */
    Audit audit();

    /**
     * How far apart (by the alerts' {@code raisedAt}) alerts of one crisis (same type, region and traffic status)
     * may be to join one open consultation, measured from its first and its latest alert; {@code PT0S} turns
     * grouping off (one consultation per alert).
     */
    @WithDefault("PT30M")
    Duration crisisWindow();

    interface Policy {

        @WithDefault("MISSILE_LAUNCH,NUCLEAR_TEST,MARITIME_INCIDENT,AIRSPACE_VIOLATION,CYBER_INCIDENT")
        Set<AlertType> types();

        @WithDefault("KOREAN_PENINSULA,SEA_OF_JAPAN,EAST_CHINA_SEA,TAIWAN_STRAIT,SOUTH_CHINA_SEA,OTHER")
        Set<Region> regions();

        @WithDefault("ACTUAL,EXERCISE,TEST")
        Set<TrafficStatus> statuses();

        @WithDefault("Severe")
        Severity minSeverity();

        @WithDefault("Extreme")
        Set<Severity> seniorSeverities();

        @WithDefault("false")
        boolean requireAffectedParticipant();

        @WithDefault("2")
        int minParticipants();
    }

    interface DeadlineConfig {

        @WithDefault("PT15M")
        Duration join();

        @WithDefault("PT30M")
        Duration respond();
    }

    interface Escalation {

        /** How often the job looks for overdue participants (Quarkus scheduler syntax, e.g. {@code 5s}). */
        @WithDefault("5s")
        String every();

        /** How many consultations one run escalates at most (each in its own transaction). */
        @WithDefault("50")
        int batch();
    }

    interface Audit {

        /**
         * The file holding the checkpoint signing key, a P-256 private JWK ({@code TCC_AUDIT_SIGNING_KEY}; required,
         * no default in any profile). It lives outside the database (a mounted secret): whoever can rewrite the
         * database cannot sign a checkpoint over the rewritten chain.
         */
        String signingKey();

        /** Public JWK files of earlier signing keys whose checkpoints verify still trusts (key rotation). */
        Optional<List<String>> trustedKeys();

        /** A checkpoint is signed once this many entries are not yet covered by one... */
        @WithDefault("100")
        int checkpointEvery();

        /** ...or once the oldest uncovered entry is this old: the longest an entry stays unanchored. */
        @WithDefault("PT10S")
        Duration checkpointInterval();

        /** At most this many entries per checkpoint (a backlog is covered by several). */
        @WithDefault("1000")
        int checkpointMaxEntries();

        /** How often the checkpoint worker looks at the chain. */
        @WithDefault("PT1S")
        Duration checkpointPoll();

        /** How long verify waits for the checkpoint topic to be read to its end. */
        @WithDefault("PT15S")
        Duration readTimeout();
    }
}
