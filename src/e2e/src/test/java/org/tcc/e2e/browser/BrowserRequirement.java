package org.tcc.e2e.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the browser tests need on the machine: Debian's {@code chromium} and {@code chromium-driver} at fixed paths
 * (never a browser or driver that Selenium Manager would download). {@code -Dtcc.chromium} and
 * {@code -Dtcc.chromedriver} point elsewhere on a machine that has them in other places.
 */
public final class BrowserRequirement {

    /** Set in CI (.ci/run): a missing browser fails the browser tests instead of skipping them. */
    public static final String REQUIRE_ENV = "TCC_REQUIRE_BROWSER";
    static final String INSTALL = "apt-get install -y chromium chromium-driver (as root; Debian or Ubuntu)";

    private BrowserRequirement() {
    }

    public static Path chromium() {
        return Path.of(System.getProperty("tcc.chromium", "/usr/bin/chromium"));
    }

    public static Path chromedriver() {
        return Path.of(System.getProperty("tcc.chromedriver", "/usr/bin/chromedriver"));
    }

    /** Why the browser tests cannot run here, or empty when they can. */
    public static Optional<String> missing() {
        List<String> absent = new ArrayList<>();
        if (!Files.isExecutable(chromium())) {
            absent.add("chromium (" + chromium() + ")");
        }
        if (!Files.isExecutable(chromedriver())) {
            absent.add("chromedriver (" + chromedriver() + ")");
        }
        if (absent.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("browser tests need " + String.join(" and ", absent) + ": " + INSTALL);
    }

    public static boolean required() {
        return "true".equalsIgnoreCase(System.getenv(REQUIRE_ENV));
    }
}
