package org.tcc.stack.audit;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tcc.contracts.audit.EcKeys;
import org.tcc.stack.AuditKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./tcc audit-key --dir DIR}: makes an audit checkpoint signing key (private JWK) and its public twin. */
@Command(name = "audit-key", mixinStandardHelpOptions = true,
        description = "Create an audit checkpoint signing key: DIR/audit/checkpoint-signing.jwk (private, mode 600,"
                + " for TCC_AUDIT_SIGNING_KEY) and checkpoint-signing.public.jwk (for auditors). Keeps an existing key.")
public class AuditKeyCommand implements Callable<Integer> {

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "Where to write audit/<files>.")
    Path dir;

    @Override
    public Integer call() {
        Path key = AuditKeys.ensure(dir);
        String kid = EcKeys.readSigningKey(EcKeys.read(key)).keyId();
        System.out.println("signing key " + key + " (kid " + kid + ")");
        System.out.println("public key  " + key.resolveSibling(AuditKeys.PUBLIC_FILE));
        return 0;
    }
}
