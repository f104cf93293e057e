package org.tcc.consultation;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.tcc.contracts.audit.EcKeys;

/**
 * The tests' audit checkpoint signing key: generated once per test JVM (so every Quarkus restart of a test profile
 * signs with the same key and earlier checkpoints still verify), written to a temporary file as in production.
 */
public class AuditKeyResource implements QuarkusTestResourceLifecycleManager {

    private static final String SHARED = "tcc.test.audit-signing-key";

    /** The private JWK file (created on first use). */
    public static synchronized Path keyFile() {
        String shared = System.getProperty(SHARED);
        if (shared != null) {
            return Path.of(shared);
        }
        try {
            Path file = Files.createTempFile("tcc-audit-signing-", ".jwk");
            file.toFile().deleteOnExit();
            Files.writeString(file, EcKeys.privateJwk(EcKeys.generate()));
            System.setProperty(SHARED, file.toString());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, String> start() {
        return Map.of("tcc.consultation.audit.signing-key", keyFile().toString());
    }

    @Override
    public void stop() {
        // the key outlives one application start
    }
}
