package org.tcc.consultation.domain;

import java.time.Instant;
import java.util.List;
import org.tcc.contracts.events.Actor;

/** A draft joint response: statement and coordinated actions, proposed by one participant. */
public record Proposal(String id, String statement, List<String> actions, Actor by, Instant at,
                       Instant responseDeadline) {

    public Proposal {
        actions = List.copyOf(actions);
    }
}
