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
import org.tcc.contracts.Json;
import org.tcc.contracts.audit.AuditChain;
import org.tcc.contracts.audit.ChainVerifier;
import org.tcc.contracts.audit.EcKeys;
import org.tcc.contracts.events.audit.AuditCheckpoint;

/**
 * What {@code ./tcc audit-verify} does (no command-line library, so tests call it directly): reads the export, the
 * checkpoints and the keys, runs {@link ChainVerifier}, prints the verdict and returns the exit status.
 */
public final class OfflineVerification {

    private OfflineVerification() {
    }

    /** 0 intact and every checkpoint genuine, 1 broken or a checkpoint that does not verify, 2 unusable input. */
    public static int run(Path export, Path checkpoints, List<Path> keys, PrintStream out) {
        return run(export, checkpoints, keys, false, out);
    }

    /**
     * As {@link #run(Path, Path, List, PrintStream)}; {@code selection}: the export is filtered (one consultation,
     * a country, a period), so each entry is checked on its own against the checkpoints and the selection is not
     * required to be the whole log.
     */
    public static int run(Path export, Path checkpoints, List<Path> keys, boolean selection, PrintStream out) {
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
        ChainVerifier verifier = selection ? ChainVerifier.forSelection(anchors, trusted)
                : new ChainVerifier(anchors, trusted);
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
        if (selection) {
            out.println("intact: " + r.entriesChecked() + " selected entries, each as a checkpoint signed it ("
                    + r.unanchoredEntries() + " not yet anchored); whether the selection is complete is not checked");
        } else {
            out.println("intact: " + r.entriesChecked() + " entries, head " + r.headSeq() + " " + r.headHash());
        }
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
