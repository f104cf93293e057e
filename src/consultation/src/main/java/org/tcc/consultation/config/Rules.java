package org.tcc.consultation.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tcc.consultation.domain.ConvenePolicy;
import org.tcc.consultation.domain.CrisisGrouping;
import org.tcc.consultation.domain.Deadlines;

/** The configured policy and deadlines, as the domain's plain values. */
@ApplicationScoped
public class Rules {

    @Inject
    ConsultationConfig config;

    public ConvenePolicy convenePolicy() {
        ConsultationConfig.Policy p = config.policy();
        return new ConvenePolicy(p.types(), p.regions(), p.statuses(), p.minSeverity(), p.seniorSeverities(),
                p.requireAffectedParticipant(), p.minParticipants());
    }

    public CrisisGrouping crisisGrouping() {
        return new CrisisGrouping(config.crisisWindow());
    }

    public Deadlines deadlines() {
        return new Deadlines(config.deadlines().join(), config.deadlines().respond());
    }
}
