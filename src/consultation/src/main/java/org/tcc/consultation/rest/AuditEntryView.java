package org.tcc.consultation.rest;

import java.time.Instant;
import org.tcc.consultation.repository.AuditEntryEntity;

/**
 * One audit entry exactly as stored and hashed: {@code details} is the stored JSON text, so an export can be
 * re-verified offline (docs/consultation.md, "Audit chain"). {@code id} is the entry's identifier, its position in
 * the chain: the same number as {@code seq}, which the hash covers and the exports carry.
 */
public record AuditEntryView(long id, long seq, Instant at, String consultationId, String subject, String country,
                             String action, String phaseBefore, String phaseAfter, String details, String prevHash,
                             String hash) {

    public static AuditEntryView of(AuditEntryEntity e) {
        return new AuditEntryView(e.seq, e.seq, e.at, e.consultationId == null ? null : e.consultationId.toString(),
                e.subject, e.country, e.action, e.phaseBefore, e.phaseAfter, e.details, e.prevHash, e.hash);
    }
}
