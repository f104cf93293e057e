package org.tcc.consultation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.tcc.consultation.domain.Consultation;
import org.tcc.consultation.repository.AuditEntryEntity;
import org.tcc.consultation.repository.AuditRepository;
import org.tcc.consultation.repository.ConsultationMapper;
import org.tcc.consultation.repository.ConsultationRepository;
import org.tcc.contracts.Country;
import org.tcc.contracts.events.consultation.ConsultationPhase;
import org.tcc.kit.rest.Problem;

/** Read side: consultations as one participant country sees them. */
@ApplicationScoped
public class ConsultationQueries {

    @Inject
    ConsultationRepository repository;

    @Inject
    AuditRepository audit;

    @Inject
    ConsultationMapper mapper;

    /** Up to {@code limit} consultations {@code country} takes part in, newest first, after {@code after}. */
    @Transactional
    public List<Consultation> list(Country country, ConsultationPhase phase, ConsultationRepository.Position after,
                                   int limit) {
        return repository.listVisible(country, phase, after, limit).stream().map(mapper::toDomain).toList();
    }

    /** The deprecated page/size form (API v1 only). */
    @Deprecated
    @Transactional
    public List<Consultation> listByOffset(Country country, ConsultationPhase phase, int offset, int limit) {
        return repository.listVisibleByOffset(country, phase, offset, limit).stream().map(mapper::toDomain).toList();
    }

    /** The consultation if {@code country} takes part in it, else 404. */
    @Transactional
    public Consultation get(UUID id, Country country) {
        return repository.findVisible(id, country).map(mapper::toDomain)
                .orElseThrow(() -> Problem.notFound("consultation " + id));
    }

    @Transactional
    public boolean exists(UUID id) {
        return repository.findByIdOptional(id).isPresent();
    }

    /** True when the consultation exists and {@code country} takes part in it. */
    @Transactional
    public boolean visible(UUID id, Country country) {
        return repository.findVisible(id, country).isPresent();
    }

    /** Up to {@code limit} entries of the consultation's timeline after entry {@code afterSeq}, oldest first. */
    @Transactional
    public List<AuditEntryEntity> timeline(UUID id, long afterSeq, int limit) {
        return audit.page(new AuditRepository.Filter(null, null, null, id), afterSeq, limit);
    }
}
