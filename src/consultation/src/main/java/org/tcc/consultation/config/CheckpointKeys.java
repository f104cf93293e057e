package org.tcc.consultation.config;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.security.interfaces.ECPublicKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.tcc.contracts.audit.EcKeys;

/**
 * The audit checkpoint keys, read once at startup from files (never from the database): the signing key
 * ({@code tcc.consultation.audit.signing-key}) and the public keys verify trusts (the signing key's and any
 * earlier ones). Read when the service starts ({@code AuditCheckpoints}): it does not start without a readable P-256
 * private key.
 */
@ApplicationScoped
public class CheckpointKeys {

    private static final Logger LOG = Logger.getLogger(CheckpointKeys.class);

    @Inject
    ConsultationConfig config;

    private EcKeys.SigningKey signing;
    private Map<String, ECPublicKey> trusted;

    @PostConstruct
    void load() {
        String file = config.audit().signingKey();
        try {
            signing = EcKeys.readSigningKey(EcKeys.read(Path.of(file)));
        } catch (RuntimeException e) {
            throw new IllegalStateException("tcc.consultation.audit.signing-key (TCC_AUDIT_SIGNING_KEY) must name a "
                    + "file holding the audit checkpoint signing key, a P-256 private JWK: " + e.getMessage(), e);
        }
        Map<String, ECPublicKey> keys = new HashMap<>();
        keys.put(signing.keyId(), signing.publicKey());
        for (String earlier : config.audit().trustedKeys().orElse(List.of())) {
            ECPublicKey key = EcKeys.readPublicKey(EcKeys.read(Path.of(earlier)));
            keys.put(EcKeys.thumbprint(key), key);
        }
        trusted = Map.copyOf(keys);
        LOG.infof("audit checkpoints signed with key %s; %d trusted checkpoint key(s)", signing.keyId(), keys.size());
    }

    public EcKeys.SigningKey signing() {
        return signing;
    }

    /** Public keys by key id (RFC 7638 thumbprint). */
    public Map<String, ECPublicKey> trusted() {
        return trusted;
    }

    /** The signing key's public half as a JWK, for auditors (compare its kid with the one published out of band). */
    public String publicJwk() {
        return EcKeys.publicJwk(signing.publicKey());
    }
}
