package org.tcc.kit.security;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.security.Provider;
import java.security.Security;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Makes the Amazon Corretto Crypto Provider (AWS-LC, native) the JVM's most preferred JCA provider, before the
 * messaging connectors open their first Kafka connection: every algorithm it implements is then served by native
 * code, whatever provider the caller names none of, and the JDK's providers keep everything else (the TLS engine
 * itself stays SunJSSE; certificate path validation, key stores and ChaCha20 stay the JDK's).
 *
 * <p>Why (docs/benchmarks.md, "Issue 14 regression"): since issue 13 every Kafka connection logs in with SCRAM-SHA-512,
 * whose client side runs 4,096 HMAC-SHA-512 iterations. That code runs only when a connection opens, so it is rarely
 * compiled: uncompiled, one login costs about 1.7 s of CPU in the JDK's pure-Java SHA-512 (25 ms natively), and
 * profiled under load, notification's three idle dead-letter producers spent 62 % of the service's Java samples in it
 * when they opened a connection about five minutes after start. The same provider also serves the TLS records'
 * AES-GCM, the TLS 1.3 handshake's HKDF, ECDHE and signatures, the RS256 verification of every bearer token and the
 * ES256 signature of audit checkpoints.
 *
 * <p>{@code tcc.crypto.native-provider=false} keeps the JDK's providers alone. When the native library does not
 * load or fails its self-tests (another OS or CPU, a temporary folder mounted noexec) the JDK's providers stay in
 * charge and a warning says why: the service runs either way, only slower.
 */
@ApplicationScoped
public class NativeCrypto {

    private static final Logger LOG = Logger.getLogger(NativeCrypto.class);

    @ConfigProperty(name = "tcc.crypto.native-provider", defaultValue = "true")
    boolean enabled;

    /** Before the messaging connectors (library priority) create their Kafka clients. */
    void install(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent ignored) {
        if (!enabled) {
            LOG.info("JCA providers: the JDK's (tcc.crypto.native-provider=false)");
            return;
        }
        Provider installed = installFirst();
        if (installed != null) {
            LOG.infof("JCA providers: %s %s first, then the JDK's", installed.getName(), installed.getVersionStr());
        }
    }

    /**
     * Installs the native provider at position 1 (idempotent); returns it, or {@code null} (logged) when it cannot
     * be used here.
     */
    public static synchronized Provider installFirst() {
        try {
            AmazonCorrettoCryptoProvider accp = AmazonCorrettoCryptoProvider.INSTANCE;
            Throwable loading = accp.getLoadingError();
            if (loading != null) {
                LOG.warnf("Amazon Corretto Crypto Provider unavailable (%s); the JDK's providers stay in charge",
                        loading.toString());
                return null;
            }
            accp.assertHealthy();
            Provider[] current = Security.getProviders();
            if (current.length > 0 && current[0] == accp) {
                return accp;
            }
            Security.removeProvider(accp.getName());
            Security.insertProviderAt(accp, 1);
            return accp;
        } catch (RuntimeException | LinkageError e) {
            LOG.warnf("Amazon Corretto Crypto Provider unusable (%s); the JDK's providers stay in charge",
                    e.toString());
            return null;
        }
    }
}
