package org.tcc.ingestion.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Flyway migrated the real PostgreSQL database: the kit's tables first, then the service's own. */
@QuarkusTest
class MigrationTest {

    @Inject
    EntityManager em;

    @Test
    @Transactional
    void flywayAppliedEveryMigrationToPostgres() {
        @SuppressWarnings("unchecked")
        List<Object> versions = em.createNativeQuery(
                "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank").getResultList();
        List<String> applied = versions.stream().map(Object::toString).toList();
        int firstOwn = applied.indexOf("1");
        assertEquals("0.1", applied.get(0), "the kit's tables first");
        assertEquals(true, firstOwn > 0 && applied.subList(0, firstOwn).stream().allMatch(v -> v.startsWith("0.")),
                "every kit migration before the service's own: " + applied);
        Object server = em.createNativeQuery("SHOW server_version_num").getSingleResult();
        assertEquals(17, Integer.parseInt(server.toString()) / 10000, "PostgreSQL 17");
        em.createNativeQuery("SELECT count(*) FROM alert").getSingleResult();
    }
}
