package org.tcc.ingestion.config;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.security.Provider;
import java.security.Security;
import org.jboss.logging.Logger;

/**
 * The JCA provider sensor signatures are verified with. ES256 verification is most of a report's CPU: on JDK 17
 * the pure-Java SunEC costs over a millisecond per report, the Amazon Corretto Crypto Provider (AWS-LC, native) a
 * small fraction of that. ACCP is used when its native library loads and passes its self-tests; otherwise (another
 * OS or CPU, a locked-down temporary folder) SunEC, which works everywhere. The verifiers name their provider
 * explicitly (so {@code tcc.ingestion.es256-provider=jdk} holds whatever the JVM prefers); the kit also makes ACCP the
 * JVM's preferred provider for everything else ({@code org.tcc.kit.security.NativeCrypto}).
 */
@ApplicationScoped
public class Es256Provider {

    private static final Logger LOG = Logger.getLogger(Es256Provider.class);

    /** {@code tcc.ingestion.es256-provider}: native (ACCP when it loads) or jdk (always SunEC). */
    public static final String NATIVE = "native";

    @Inject
    IngestionConfig config;

    private volatile Provider chosen;

    /** Logged once at startup; the benchmark greps this line to say which provider ran. */
    void announce(@Observes StartupEvent started) {
        Provider p = provider();
        LOG.infof("ES256 verification provider: %s %s", p.getName(), p.getVersionStr());
    }

    public Provider provider() {
        Provider p = chosen;
        if (p == null) {
            p = NATIVE.equalsIgnoreCase(config.es256Provider()) ? nativeOrFallback() : fallback();
            chosen = p;
        }
        return p;
    }

    /** ACCP if its native library loaded and is healthy, otherwise {@link #fallback()}. */
    public static Provider nativeOrFallback() {
        try {
            AmazonCorrettoCryptoProvider accp = AmazonCorrettoCryptoProvider.INSTANCE;
            Throwable loading = accp.getLoadingError();
            if (loading == null) {
                accp.assertHealthy();
                return accp;
            }
            LOG.warnf("Amazon Corretto Crypto Provider unavailable (%s); verifying ES256 with the JDK", loading);
        } catch (RuntimeException | LinkageError e) {
            LOG.warnf("Amazon Corretto Crypto Provider unusable (%s); verifying ES256 with the JDK", e.toString());
        }
        return fallback();
    }

    /** The JDK's own, pure-Java elliptic-curve provider. */
    public static Provider fallback() {
        Provider sunEc = Security.getProvider("SunEC");
        if (sunEc == null) {
            throw new IllegalStateException("no SunEC provider in this JDK");
        }
        return sunEc;
    }
}
