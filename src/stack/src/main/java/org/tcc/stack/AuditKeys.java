package org.tcc.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.tcc.contracts.audit.EcKeys;

/**
 * The local stack's audit checkpoint signing key: generated on this machine the first time (never committed), kept
 * beside the stack's data but not in its database, so a wiped database keeps the key and its checkpoints verify.
 * {@code <home>/audit/checkpoint-signing.jwk} (private, mode 600) and {@code checkpoint-signing.public.jwk} (what an
 * auditor passes to {@code ./tcc audit-verify --key}).
 */
public final class AuditKeys {

    public static final String PRIVATE_FILE = "checkpoint-signing.jwk";
    public static final String PUBLIC_FILE = "checkpoint-signing.public.jwk";

    private AuditKeys() {
    }

    /** The private key file under {@code home}, created with its public twin when missing. */
    public static synchronized Path ensure(Path home) {
        Path dir = home.resolve("audit");
        Path key = dir.resolve(PRIVATE_FILE);
        try {
            if (!Files.exists(key)) {
                Files.createDirectories(dir);
                EcKeys.SigningKey generated = EcKeys.generate();
                Path tmp = dir.resolve(PRIVATE_FILE + ".tmp");
                Files.writeString(tmp, EcKeys.privateJwk(generated), StandardCharsets.UTF_8);
                try {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: the folder's permissions apply
                }
                Files.move(tmp, key);
            }
            Path pub = dir.resolve(PUBLIC_FILE);
            if (!Files.exists(pub)) {
                Files.writeString(pub, EcKeys.publicJwk(EcKeys.readSigningKey(Files.readString(key)).publicKey()),
                        StandardCharsets.UTF_8);
            }
            return key.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the audit checkpoint key under " + dir + ": " + e, e);
        }
    }
}
