package org.tcc.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.tcc.contracts.Country;
import org.tcc.contracts.Json;
import org.tcc.contracts.Roles;
import org.tcc.kit.rest.Problem;
import org.tcc.kit.security.Caller;
import org.tcc.notification.config.NotificationConfig;
import org.tcc.notification.domain.ChainStep;
import org.tcc.notification.domain.Language;
import org.tcc.notification.domain.WebhookUrls;
import org.tcc.notification.repository.DirectoryAuditEntry;
import org.tcc.notification.repository.DirectoryAuditRepository;
import org.tcc.notification.repository.Recipient;
import org.tcc.notification.repository.RecipientRepository;

/**
 * The recipients directory. Webhook secrets are write-only: they are stored, never returned. Every change is checked
 * against {@link Access#requireDirectoryChange} in its transaction (the recipient as it is, and as it would be) and
 * recorded in the directory audit in the same transaction: who, for which country, the recipient before and after.
 */
@ApplicationScoped
public class RecipientService {

    /**
     * What a caller submits; a null secret on update keeps the current one. A null {@code language} is the
     * country's on create ({@link Language#defaultFor}) and keeps the current one on update.
     */
    public record Input(Country country, String name, ChainStep chainStep, String email, String webhookUrl,
                        String webhookSecret, Boolean stream, Boolean active, String language) {
    }

    @Inject
    RecipientRepository recipients;

    @Inject
    NotificationConfig config;

    @Inject
    DirectoryAuditRepository audit;

    @Inject
    Access access;

    @Inject
    Caller caller;

    public List<Recipient> list(Optional<Country> country, RecipientRepository.Position after, int limit) {
        return recipients.listBy(country, after, limit);
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
        access.requireDirectoryChange(input.country(), input.chainStep());
        if (recipients.byName(input.country(), input.name()).isPresent()) {
            throw Problem.conflict("recipient " + input.name() + " already exists in " + input.country(), null);
        }
        Recipient r = new Recipient();
        r.id = UUID.randomUUID();
        r.country = input.country();
        r.createdAt = Instant.now();
        apply(r, input);
        recipients.persist(r);
        record(DirectoryAuditEntry.Action.CREATE, r, null, false);
        return r;
    }

    @Transactional
    public Recipient update(UUID id, Input input) {
        Recipient r = recipients.findById(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (r == null) {
            throw Problem.notFound("recipient " + id);
        }
        access.requireDirectoryChange(r.country, r.chainStep);
        access.requireDirectoryChange(input.country(), input.chainStep());
        if (input.country() != r.country) {
            throw Problem.invalid("country", "cannot be changed (was " + r.country + ")");
        }
        if (!r.name.equals(input.name()) && recipients.byName(r.country, input.name()).isPresent()) {
            throw Problem.conflict("recipient " + input.name() + " already exists in " + r.country, null);
        }
        Map<String, Object> before = snapshot(r);
        String secretBefore = r.webhookSecret;
        apply(r, input);
        record(DirectoryAuditEntry.Action.UPDATE, r, before, !java.util.Objects.equals(secretBefore, r.webhookSecret));
        return r;
    }

    /** Deactivates the recipient: the delivery log keeps referring to it; PUT with active=true brings it back. */
    @Transactional
    public void deactivate(UUID id) {
        Recipient r = recipients.findById(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (r == null) {
            throw Problem.notFound("recipient " + id);
        }
        access.requireDirectoryChange(r.country, r.chainStep);
        Map<String, Object> before = snapshot(r);
        r.active = false;
        r.updatedAt = Instant.now();
        record(DirectoryAuditEntry.Action.DEACTIVATE, r, before, false);
    }

    /** The recipient as the audit keeps it: everything the API shows, never the secret itself. */
    static Map<String, Object> snapshot(Recipient r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id.toString());
        m.put("country", r.country.name());
        m.put("name", r.name);
        m.put("chainStep", r.chainStep.name());
        m.put("email", r.email);
        m.put("webhookUrl", r.webhookUrl);
        m.put("webhookSecretSet", r.webhookSecret != null);
        m.put("language", r.language);
        m.put("stream", r.stream);
        m.put("active", r.active);
        return m;
    }

    private void record(DirectoryAuditEntry.Action action, Recipient r, Map<String, Object> before,
                        boolean secretChanged) {
        Map<String, Object> after = snapshot(r);
        if (secretChanged) {
            after.put("webhookSecretChanged", true);
        }
        DirectoryAuditEntry e = new DirectoryAuditEntry();
        e.at = Instant.now();
        e.actor = caller.subject();
        e.actorCountry = caller.country().orElse(null);
        e.actorRoles = Stream.of(Roles.ADMIN, Roles.LIAISON, Roles.TRILATERAL).filter(caller::hasRole)
                .collect(Collectors.joining(","));
        e.action = action;
        e.recipientId = r.id;
        e.recipientCountry = r.country;
        e.chainStep = r.chainStep;
        e.before = before == null ? null : json(before);
        e.after = json(after);
        audit.persist(e);
    }

    private static String json(Map<String, Object> value) {
        return new String(Json.toBytes(value), StandardCharsets.UTF_8);
    }

    private void apply(Recipient r, Input input) {
        List<Problem.FieldError> errors = new ArrayList<>();
        String url = blankToNull(input.webhookUrl());
        String secret = blankToNull(input.webhookSecret());
        if (url != null) {
            WebhookUrls.problem(url, config.webhooks().allowPlainHttpLocalhost(), WebhookSender.policy(config))
                    .ifPresent(p -> errors.add(new Problem.FieldError("webhookUrl", p)));
            if (secret == null && r.webhookSecret == null) {
                errors.add(new Problem.FieldError("webhookSecret", "is required with a webhookUrl"));
            }
        }
        Language language = null;
        if (input.language() != null) {
            language = Language.parse(input.language()).orElse(null);
            if (language == null) {
                errors.add(new Problem.FieldError("language", "must be one of " + String.join(", ", Language.tags())
                        + " (a BCP 47 tag)"));
            }
        }
        if (!errors.isEmpty()) {
            throw Problem.invalid(errors);
        }
        if (language != null) {
            r.language = language.tag();
        } else if (r.language == null) {
            r.language = Language.defaultFor(r.country).tag();
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
