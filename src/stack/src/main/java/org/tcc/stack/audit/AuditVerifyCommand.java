package org.tcc.stack.audit;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./tcc audit-verify}: an auditor's offline check of an audit export against the signed checkpoints, with
 * nothing but the files and the checkpoint public key (no service, database or broker). The same verifier as the
 * service's {@code GET /api/v1/audit/verify}. Exit 0 intact (every checkpoint genuine), 1 broken or a checkpoint
 * that does not verify with the given keys, 2 unusable input.
 */
@Command(name = "audit-verify", mixinStandardHelpOptions = true,
        description = "Verify an audit log export offline against the signed audit checkpoints.")
public class AuditVerifyCommand implements Callable<Integer> {

    @Option(names = "--export", required = true, paramLabel = "FILE",
            description = "The log as JSON Lines: GET /api/v1/audit/export?format=jsonl (the whole log, or a "
                    + "filtered export with --selection).")
    Path export;

    @Option(names = "--checkpoints", required = true, paramLabel = "FILE",
            description = "The checkpoints as JSON Lines in publication order: GET /api/v1/audit/checkpoints "
                    + "(or the values of topic tcc.audit-checkpoints.v1 read from the beginning).")
    Path checkpoints;

    @Option(names = "--key", required = true, paramLabel = "FILE",
            description = "A trusted checkpoint public key (P-256 JWK); repeat for earlier keys.")
    List<Path> keys;

    @Option(names = "--selection", description = "The export is filtered (consultation, country, period): check "
            + "each entry's hash and checkpoint on its own; the selection's completeness is not checked.")
    boolean selection;

    @Override
    public Integer call() {
        return OfflineVerification.run(export, checkpoints, keys, selection, System.out);
    }
}
