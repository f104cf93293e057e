package org.tcc.stack;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ./tcc up | down | status | demo | bench | drill | audit-verify | audit-key}: the whole TCC system on one
 * machine, no Docker.
 */
@Command(name = "tcc", mixinStandardHelpOptions = true, version = "tcc 0.1.0",
        description = "Runs Trilateral Crisis Coordination locally: Kafka, PostgreSQL, Keycloak and the three services.",
        subcommands = {UpCommand.class, DownCommand.class, StatusCommand.class,
                org.tcc.stack.bench.LoadBenchmark.class, org.tcc.stack.demo.DemoCommand.class,
                org.tcc.stack.drill.DrillCommand.class, org.tcc.stack.audit.AuditVerifyCommand.class,
                org.tcc.stack.audit.AuditKeyCommand.class})
public class Tcc implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new Tcc()).execute(args));
    }
}
