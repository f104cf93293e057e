package org.tcc.notification.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.tcc.contracts.Country;
import org.tcc.notification.config.NotificationConfig;
import org.tcc.notification.domain.ChainStep;
import org.tcc.notification.domain.Language;

/**
 * Seeds the directory from the local realm's users when {@code tcc.notification.seed-recipients} is on (local stack,
 * dev, tests): per country {@code <cc>-liaison} (liaison), {@code <cc>-duty} (duty officer), both with e-mail
 * {@code <user>@tcc.local} and the stream, and {@code <cc>-senior} (senior official, e-mail only), each in the
 * country's language (USA en, KOR ko, JPN ja). Existing entries are left as they are.
 */
@ApplicationScoped
public class RecipientSeeder {

    private static final Logger LOG = Logger.getLogger(RecipientSeeder.class);
    private static final Map<Country, String> PREFIX = Map.of(Country.USA, "us", Country.KOR, "kr",
            Country.JPN, "jp");

    @Inject
    NotificationConfig config;

    @Inject
    EntityManager em;

    void seed(@Observes StartupEvent ignored) {
        if (!config.seedRecipients()) {
            return;
        }
        int added = QuarkusTransaction.requiringNew().call(() -> {
            int n = 0;
            for (Country country : Country.values()) {
                String cc = PREFIX.get(country);
                n += insert(country, cc + "-liaison", ChainStep.LIAISON, true);
                n += insert(country, cc + "-duty", ChainStep.DUTY_OFFICER, true);
                n += insert(country, cc + "-senior", ChainStep.SENIOR_OFFICIAL, false);
            }
            return n;
        });
        LOG.infof("recipients seeded from the local realm: %d added", added);
    }

    private int insert(Country country, String name, ChainStep step, boolean stream) {
        Instant now = Instant.now();
        return em.createNativeQuery("""
                        INSERT INTO recipient (id, country, name, chain_step, email, stream, active, created_at,
                                               updated_at, language)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, TRUE, ?7, ?7, ?8)
                        ON CONFLICT (country, name) DO NOTHING""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, country.name()).setParameter(3, name)
                .setParameter(4, step.name()).setParameter(5, name.toLowerCase(Locale.ROOT) + "@tcc.local")
                .setParameter(6, stream).setParameter(7, now)
                .setParameter(8, Language.defaultFor(country).tag()).executeUpdate();
    }
}
