package org.tcc.contracts.events.consultation;

import java.util.List;
import org.tcc.contracts.events.Values;

/**
 * The consultation reached an outcome on a proposal.
 *
 * @param outcome short description of the result (e.g. {@code AGREED})
 */
public record ConsultationConcluded(
        ConsultationState consultation,
        String proposalId,
        String statement,
        List<String> actions,
        String outcome) implements ConsultationEvent {

    public ConsultationConcluded {
        actions = Values.copy(actions);
    }
}
