package org.tcc.stack.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tcc.contracts.Json;
import org.tcc.contracts.audit.AuditChain;
import org.tcc.contracts.audit.ChainVerifier;
import org.tcc.contracts.audit.EcKeys;
import org.tcc.contracts.events.audit.AuditCheckpoint;
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
            description = "The whole log as JSON Lines: GET /api/v1/audit/export?format=jsonl (no filters).")
    Path export;

    @Option(names = "--checkpoints", required = true, paramLabel = "FILE",
            description = "The checkpoints as JSON Lines in publication order: GET /api/v1/audit/checkpoints "
                    + "(or the values of topic tcc.audit-checkpoints.v1 read from the beginning).")
    Path checkpoints;

    @Option(names = "--key", required = true, paramLabel = "FILE",
            description = "A trusted checkpoint public key (P-256 JWK); repeat for earlier keys.")
    List<Path> keys;

    PrintStream out = System.out;

    @Override
    public Integer call() {
        Map<String, ECPublicKey> trusted = new HashMap<>();
        List<AuditCheckpoint> anchors;
        try {
            for (Path key : keys) {
                ECPublicKey pub = EcKeys.readPublicKey(EcKeys.read(key));
                trusted.put(EcKeys.thumbprint(pub), pub);
                out.println("trusted key " + EcKeys.thumbprint(pub) + " (" + key + ")");
            }
            anchors = readCheckpoints(checkpoints);
        } catch (RuntimeException | IOException e) {
            out.println("cannot read the input: " + e.getMessage());
            return 2;
        }
        ChainVerifier verifier = new ChainVerifier(anchors, trusted);
        int line = 0;
        try (BufferedReader reader = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
            String text;
            while ((text = reader.readLine()) != null) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                JsonNode e = Json.mapper().readTree(text);
                if (!verifier.add(entry(e), e.path("hash").asText())) {
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            out.println("cannot read " + export + " line " + line + ": " + e.getMessage());
            return 2;
        }
        ChainVerifier.Result r = verifier.finish();
        r.rejections().forEach(reason -> out.println("rejected " + reason));
        if (!r.intact()) {
            out.println("BROKEN at entry " + r.firstBroken().seq() + ": " + r.firstBroken().reason());
            out.println(r.entriesChecked() + " entries before it verified; " + r.checkpointsChecked()
                    + " genuine checkpoint(s), " + r.checkpointsRejected() + " rejected");
            return 1;
        }
        out.println("intact: " + r.entriesChecked() + " entries, head " + r.headSeq() + " " + r.headHash());
        out.println("anchored up to entry " + r.anchoredSeq() + " by " + r.checkpointsChecked()
                + " genuine checkpoint(s) (" + r.checkpointsRejected() + " rejected); " + r.unanchoredEntries()
                + " newer entr" + (r.unanchoredEntries() == 1 ? "y" : "ies") + " not yet anchored");
        if (r.checkpointsRejected() > 0) {
            // a wrong key, a damaged file or forged records: what they would vouch for is not vouched for
            out.println("NOT VERIFIED: " + r.checkpointsRejected() + " checkpoint(s) do not verify with the given key(s)");
            return 1;
        }
        return 0;
    }

    static List<AuditCheckpoint> readCheckpoints(Path file) throws IOException {
        List<AuditCheckpoint> list = new ArrayList<>();
        for (String text : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!text.isBlank()) {
                list.add(Json.read(text.getBytes(StandardCharsets.UTF_8), AuditCheckpoint.class));
            }
        }
        return list;
    }

    /** One exported entry (docs/consultation.md, "Audit chain": the fields exactly as hashed). */
    static AuditChain.Entry entry(JsonNode e) {
        return new AuditChain.Entry(e.path("seq").asLong(), Instant.parse(e.path("at").asText()),
                optional(e, "consultationId"), e.path("subject").asText(), optional(e, "country"),
                e.path("action").asText(), optional(e, "phaseBefore"), optional(e, "phaseAfter"),
                e.path("details").asText(), e.path("prevHash").asText());
    }

    private static String optional(JsonNode e, String field) {
        JsonNode v = e.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
