package org.tcc.stack.demo;

/** An expectation of the scenario that the system did not meet. */
public class ScenarioFailure extends RuntimeException {

    public ScenarioFailure(String message) {
        super(message);
    }
}
