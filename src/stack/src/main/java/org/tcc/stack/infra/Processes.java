package org.tcc.stack.infra;

import java.io.IOException;
import java.time.Duration;

/** Process-group handling for servers started with {@code setsid}. */
public final class Processes {

    private Processes() {
    }

    /** The java binary of this JVM, used for every child JVM (broker, services). */
    public static String javaBinary() {
        return java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Sends TERM to the process group {@code pgid}, then KILL if it is still alive after {@code grace}. */
    public static void stopGroup(long pgid, Duration grace) {
        signal("TERM", pgid);
        long deadline = System.nanoTime() + grace.toNanos();
        while (isAlive(pgid) && System.nanoTime() < deadline) {
            KeycloakServer.sleep(100);
        }
        if (isAlive(pgid)) {
            signal("KILL", pgid);
        }
    }

    private static void signal(String signal, long pgid) {
        try {
            new ProcessBuilder("/bin/kill", "-" + signal, "--", "-" + pgid).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        } catch (IOException e) {
            throw new IllegalStateException("cannot signal process group " + pgid, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Starts a detached watchdog that stops process group {@code pgid} once process {@code ownerPid} has exited:
     * servers shared by a whole build end with the build, even when a test JVM is killed.
     */
    public static void stopGroupWhenGone(long ownerPid, long pgid) throws IOException {
        String script = "while kill -0 " + ownerPid + " 2>/dev/null; do sleep 2; done; "
                + "/bin/kill -TERM -- -" + pgid + " 2>/dev/null; sleep 15; /bin/kill -KILL -- -" + pgid + " 2>/dev/null";
        new ProcessBuilder("setsid", "sh", "-c", script).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }
}
