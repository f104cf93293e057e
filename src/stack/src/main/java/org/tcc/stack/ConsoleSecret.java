package org.tcc.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret that encrypts the local console's session and sign-in cookies: generated on this machine the first
 * time (never committed), {@code <home>/console/session.secret}, mode 600, so a restarted console keeps its users
 * signed in.
 */
public final class ConsoleSecret {

    private ConsoleSecret() {
    }

    public static synchronized String ensure(Path home) {
        Path dir = home.resolve("console");
        Path file = dir.resolve("session.secret");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(dir);
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                Path tmp = dir.resolve("session.secret.tmp");
                Files.writeString(tmp, Base64.getUrlEncoder().withoutPadding().encodeToString(random),
                        StandardCharsets.US_ASCII);
                try {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: the folder's permissions apply
                }
                Files.move(tmp, file);
            }
            return Files.readString(file, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the console's session secret under " + dir + ": " + e, e);
        }
    }
}
