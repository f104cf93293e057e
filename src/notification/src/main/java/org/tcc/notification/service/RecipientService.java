package org.tcc.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.tcc.contracts.Country;
import org.tcc.kit.rest.Problem;
import org.tcc.notification.config.NotificationConfig;
import org.tcc.notification.domain.ChainStep;
import org.tcc.notification.domain.WebhookUrls;
import org.tcc.notification.repository.Recipient;
import org.tcc.notification.repository.RecipientRepository;

/** The recipients directory. Webhook secrets are write-only: they are stored, never returned. */
@ApplicationScoped
public class RecipientService {

    /** What a caller submits; a null secret on update keeps the current one. */
    public record Input(Country country, String name, ChainStep chainStep, String email, String webhookUrl,
                        String webhookSecret, Boolean stream, Boolean active) {
    }

    @Inject
    RecipientRepository recipients;

    @Inject
    NotificationConfig config;

    public List<Recipient> list(Optional<Country> country) {
        return recipients.listBy(country);
    }

    public Recipient get(UUID id) {
        Recipient r = recipients.findById(id);
        if (r == null) {
            throw Problem.notFound("recipient " + id);
        }
        return r;
    }

    @Transactional
    public Recipient create(Input input) {
        if (recipients.byName(input.country(), input.name()).isPresent()) {
            throw Problem.conflict("recipient " + input.name() + " already exists in " + input.country(), null);
        }
        Recipient r = new Recipient();
        r.id = UUID.randomUUID();
        r.country = input.country();
        r.createdAt = Instant.now();
        apply(r, input);
        recipients.persist(r);
        return r;
    }

    @Transactional
    public Recipient update(UUID id, Input input) {
        Recipient r = get(id);
        if (input.country() != r.country) {
            throw Problem.invalid("country", "cannot be changed (was " + r.country + ")");
        }
        if (!r.name.equals(input.name()) && recipients.byName(r.country, input.name()).isPresent()) {
            throw Problem.conflict("recipient " + input.name() + " already exists in " + r.country, null);
        }
        apply(r, input);
        return r;
    }

    /** Deactivates the recipient: the delivery log keeps referring to it; PUT with active=true brings it back. */
    @Transactional
    public void deactivate(UUID id) {
        Recipient r = get(id);
        r.active = false;
        r.updatedAt = Instant.now();
    }

    private void apply(Recipient r, Input input) {
        List<Problem.FieldError> errors = new ArrayList<>();
        String url = blankToNull(input.webhookUrl());
        String secret = blankToNull(input.webhookSecret());
        if (url != null) {
            WebhookUrls.problem(url, config.webhooks().allowPlainHttpLocalhost())
                    .ifPresent(p -> errors.add(new Problem.FieldError("webhookUrl", p)));
            if (secret == null && r.webhookSecret == null) {
                errors.add(new Problem.FieldError("webhookSecret", "is required with a webhookUrl"));
            }
        }
        if (!errors.isEmpty()) {
            throw Problem.invalid(errors);
        }
        r.name = input.name();
        r.chainStep = input.chainStep();
        r.email = blankToNull(input.email());
        r.webhookUrl = url;
        if (secret != null) {
            r.webhookSecret = secret;
        }
        if (url == null && secret == null) {
            r.webhookSecret = null;
        }
        r.stream = input.stream() == null || input.stream();
        r.active = input.active() == null || input.active();
        r.updatedAt = Instant.now();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
