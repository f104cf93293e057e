package org.tcc.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.tcc.stack.infra.Processes;
import picocli.CommandLine.Command;

/** Stops a running stack: asks its supervisor to stop everything, then stops any process left, by process id. */
@Command(name = "down", mixinStandardHelpOptions = true, description = "Stop everything ./tcc up started.")
public class DownCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        StackLayout layout = StackLayout.fromEnvironment();
        Path pids = layout.pidFile();
        if (!Files.exists(pids)) {
            Console.say("no stack is running (no " + pids + ")");
            return 0;
        }
        List<String[]> entries = Files.readAllLines(pids).stream().map(l -> l.split(" "))
                .filter(a -> a.length == 2).toList();
        for (String[] entry : entries) {
            if (entry[0].equals("supervisor")) {
                long supervisor = Long.parseLong(entry[1]);
                ProcessHandle.of(supervisor).ifPresent(p -> {
                    Console.say("stopping the stack (supervisor pid " + supervisor + ")");
                    p.destroy();
                    p.onExit().orTimeout(90, java.util.concurrent.TimeUnit.SECONDS).exceptionally(e -> null).join();
                });
            }
        }
        for (String[] entry : entries) {
            long pid = Long.parseLong(entry[1]);
            if (!entry[0].equals("supervisor") && Processes.isAlive(pid)) {
                Console.say("stopping " + entry[0] + " (pid " + pid + ")");
                Processes.stopGroup(pid, Duration.ofSeconds(20));
            }
        }
        Files.deleteIfExists(pids);
        Console.say("stopped");
        return 0;
    }
}
