package org.tcc.ingestion.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.tcc.contracts.Country;
import org.tcc.contracts.events.alert.AlertState;
import org.tcc.ingestion.repository.Alert;
import org.tcc.ingestion.domain.AlertVersions;
import org.tcc.ingestion.repository.AlertRepository;
import org.tcc.ingestion.repository.AlertVersionRepository;
import org.tcc.kit.rest.Problem;

/** Reads alerts for a country: anything not releasable to it is "not found", never "forbidden". */
@ApplicationScoped
public class AlertQueries {

    public record Page(List<AlertState> alerts, AlertRepository.Cursor next) {
    }

    @Inject
    AlertRepository alerts;

    @Inject
    AlertVersionRepository versions;

    @Transactional
    public Page list(Country country, AlertRepository.Filter filter, AlertRepository.Cursor after, int limit) {
        List<Alert> page = alerts.listVisible(country, filter, after, limit + 1);
        boolean more = page.size() > limit;
        List<Alert> shown = more ? page.subList(0, limit) : page;
        Alert last = shown.isEmpty() ? null : shown.get(shown.size() - 1);
        return new Page(shown.stream().map(AlertSnapshots::of).toList(),
                more ? new AlertRepository.Cursor(last.raisedAt, last.id) : null);
    }

    @Transactional
    public AlertState get(UUID id, Country country) {
        return alerts.findVisible(id, country).map(AlertSnapshots::of)
                .orElseThrow(() -> Problem.notFound("alert " + id));
    }

    /**
     * Up to {@code limit} versions of an alert the country may see, newest first, older than {@code before} when
     * given; an alert it may not see is "not found", exactly as the alert itself.
     */
    @Transactional
    public List<AlertVersions.Summary> versions(UUID id, Country country, Long before, int limit) {
        alerts.findVisible(id, country).orElseThrow(() -> Problem.notFound("alert " + id));
        return versions.page(id, before, limit);
    }
}
