package org.tcc.kit.db;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Every service runs as a database role that owns nothing: the owner (Flyway's role) creates the tables and grants
 * the runtime role its rows-only privileges (db/kit/V0_3__runtime_role.sql). At startup the service checks whom it
 * logged in as; a runtime role that owns tables could switch off every protection the migrations set up (triggers,
 * revoked privileges). With {@code tcc.db.refuse-owner-role} (true in %prod) the service refuses to start then.
 */
@ApplicationScoped
public class RuntimeRole {

    private static final Logger LOG = Logger.getLogger(RuntimeRole.class);

    @Inject
    EntityManager em;

    @ConfigProperty(name = "tcc.db.refuse-owner-role", defaultValue = "false")
    boolean refuseOwner;

    void check(@Observes StartupEvent ignored) {
        List<String> owned = ownedTables();
        if (owned.isEmpty()) {
            return;
        }
        String message = "the service's database role (TCC_DB_USER) owns " + owned.size() + " table(s) (" + String.join(
                ", ", owned.subList(0, Math.min(5, owned.size()))) + "): it could alter them and their protections;"
                + " run the service as the runtime role and give Flyway the owner (TCC_DB_OWNER_USER), see"
                + " docs/operations.md, \"Database roles\"";
        if (refuseOwner) {
            throw new IllegalStateException(message);
        }
        LOG.warn(message);
    }

    /** The tables of schema public the current role owns (or is a member of the owner of). */
    @SuppressWarnings("unchecked")
    public List<String> ownedTables() {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                                + " AND pg_has_role(current_user, tableowner, 'MEMBER') ORDER BY tablename")
                .getResultList());
    }
}
