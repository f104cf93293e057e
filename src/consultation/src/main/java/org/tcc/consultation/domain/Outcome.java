package org.tcc.consultation.domain;

import java.util.List;
import org.tcc.contracts.events.consultation.ConsultationEvent;
import org.tcc.contracts.events.consultation.ConsultationPhase;

/**
 * What a command did to a consultation: either it was applied, producing the events that announce the change (in
 * order, each carrying the snapshot right after it), or it was refused, naming the phase the consultation is in.
 */
public sealed interface Outcome permits Outcome.Applied, Outcome.Refused {

    record Applied(ConsultationPhase before, ConsultationPhase after, List<ConsultationEvent> events)
            implements Outcome {

        public Applied {
            events = List.copyOf(events);
        }
    }

    record Refused(Refusal refusal, ConsultationPhase phase, String detail) implements Outcome {
    }
}
