package org.tcc.stack;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/** What the launcher tells the person running it. */
final class Console {

    private Console() {
    }

    static void say(String message) {
        System.out.println("[tcc " + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "] " + message);
    }

    static void error(String message) {
        System.err.println("[tcc] ERROR: " + message);
    }
}
