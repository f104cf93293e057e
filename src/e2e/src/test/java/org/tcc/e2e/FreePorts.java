package org.tcc.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/**
 * Ports for the services the e2e tests start, below Linux' ephemeral range (32768-60999): a port the kernel hands
 * out for {@code bind(0)} can be taken between this check and the service's start by any socket of an earlier
 * process (a service's transaction manager binds one, every outgoing connection uses one), which once made
 * notification fail to start. A port is handed out once per test JVM.
 */
final class FreePorts {

    private static final Set<Integer> HANDED_OUT = new HashSet<>();
    private static final Random RANDOM = new Random();

    private FreePorts() {
    }

    /** A port between 20000 and 32000 nobody listens on, never one handed out before nor one of {@code reserved}. */
    static synchronized int next(int... reserved) throws IOException {
        Set<Integer> skip = new HashSet<>(HANDED_OUT);
        for (int port : reserved) {
            skip.add(port);
        }
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = 20000 + RANDOM.nextInt(12000);
            if (skip.contains(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket(port)) {
                HANDED_OUT.add(port);
                return socket.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("no free port between 20000 and 32000");
    }
}
