package org.tcc.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's top folder: {@code -Dtcc.root} (set by the build), else found upwards from the working dir. */
public final class ProjectRoot {

    private ProjectRoot() {
    }

    public static Path dir() {
        String configured = System.getProperty("tcc.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("deploy/keycloak/tcc-realm.json"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the TCC repository root (deploy/keycloak/tcc-realm.json)");
    }
}
