package org.tcc.consultation.domain;

import java.time.Instant;
import org.tcc.contracts.Country;

/**
 * One invited country and how far it has come: joined, position stated, response to the current proposal, and the
 * deadlines that are still running for it (null when none runs).
 */
public final class Participant {

    private final Country country;
    private Instant joinDue;
    private Instant joinedAt;
    private String joinedBy;
    private Position position;
    private Reply reply;
    private Instant respondDue;

    public Participant(Country country, Instant joinDue, Instant joinedAt, String joinedBy, Position position,
                       Reply reply, Instant respondDue) {
        this.country = country;
        this.joinDue = joinDue;
        this.joinedAt = joinedAt;
        this.joinedBy = joinedBy;
        this.position = position;
        this.reply = reply;
        this.respondDue = respondDue;
    }

    static Participant invited(Country country, Instant joinDue) {
        return new Participant(country, joinDue, null, null, null, null, null);
    }

    public Country country() {
        return country;
    }

    public boolean joined() {
        return joinedAt != null;
    }

    public Instant joinDue() {
        return joinDue;
    }

    public Instant joinedAt() {
        return joinedAt;
    }

    public String joinedBy() {
        return joinedBy;
    }

    public Position position() {
        return position;
    }

    public Reply reply() {
        return reply;
    }

    public Instant respondDue() {
        return respondDue;
    }

    void join(String subject, Instant at) {
        joinedAt = at;
        joinedBy = subject;
        joinDue = null;
    }

    void state(Position newPosition) {
        position = newPosition;
    }

    void reply(Reply newReply) {
        reply = newReply;
        respondDue = null;
    }

    void awaitReply(Instant due) {
        reply = null;
        respondDue = due;
    }

    void joinDue(Instant due) {
        joinDue = due;
    }

    void respondDue(Instant due) {
        respondDue = due;
    }
}
