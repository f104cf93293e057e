package org.tcc.contracts.events.consultation;

import java.time.Instant;
import java.util.List;
import org.tcc.contracts.events.Actor;
import org.tcc.contracts.events.Values;

/**
 * A participant proposed a joint statement and actions; every participant must respond (approve, decline or
 * abstain) by {@code responseDeadline}.
 */
public record ProposalSubmitted(
        ConsultationState consultation,
        Actor by,
        String proposalId,
        String statement,
        List<String> actions,
        Instant responseDeadline) implements ConsultationEvent {

    public ProposalSubmitted {
        actions = Values.copy(actions);
    }
}
