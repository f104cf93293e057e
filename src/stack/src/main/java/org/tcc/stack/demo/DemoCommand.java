package org.tcc.stack.demo;

import java.util.concurrent.Callable;
import org.tcc.stack.StackLayout;
import org.tcc.stack.infra.KafkaPrincipal;
import picocli.CommandLine.Command;

/** {@code ./tcc demo}: the end-to-end scenario against the running local stack, with its timeline. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the trilateral scenario against the running stack (./tcc up first); exits non-zero if"
                + " any expectation fails.")
public class DemoCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        StackLayout layout = StackLayout.fromEnvironment();
        Endpoints endpoints = new Endpoints(layout.services().get(0).url(), layout.services().get(1).url(),
                layout.services().get(2).url(), layout.issuer(), layout.kafka(KafkaPrincipal.DEMO),
                layout.root().resolve("deploy/sensors/local-sensors.private.jwks.json"));
        Timeline timeline = new Timeline(System.out);
        try {
            new TrilateralScenario(endpoints, timeline).run();
        } catch (ScenarioFailure e) {
            System.out.println();
            System.out.println("FAILED: " + e.getMessage());
            return 1;
        }
        System.out.println();
        System.out.println("demo passed: " + timeline.entries().size() + " steps");
        return 0;
    }
}
