package org.tcc.e2e.browser;

import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Skips a browser test class, saying why, where chromium or chromedriver is missing; with
 * {@code TCC_REQUIRE_BROWSER=true} (CI) the same absence fails it instead, so a green CI always drove a browser.
 */
public final class BrowserExtension implements ExecutionCondition, BeforeAllCallback, TestWatcher {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<String> missing = BrowserRequirement.missing();
        if (missing.isEmpty()) {
            return ConditionEvaluationResult.enabled("chromium and chromedriver present");
        }
        if (BrowserRequirement.required()) {
            return ConditionEvaluationResult.enabled(BrowserRequirement.REQUIRE_ENV + "=true: runs to fail");
        }
        String reason = "browser test not run, " + missing.get() + " (" + BrowserRequirement.REQUIRE_ENV
                + "=true makes this a failure)";
        if (context.getTestMethod().isEmpty()) {
            // once per class, in the build's output: a skipped browser test says so where people look
            System.err.println("[WARNING] SKIPPED " + context.getDisplayName() + ": " + reason);
        }
        return ConditionEvaluationResult.disabled(reason);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Optional<String> missing = BrowserRequirement.missing();
        if (missing.isPresent()) {
            throw new IllegalStateException(BrowserRequirement.REQUIRE_ENV + "=true but " + missing.get());
        }
    }

    /** A failed browser test leaves every open console's screen, HTML and console log in target/browser-evidence. */
    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        Browser browser = Browser.ifStarted();
        if (browser != null) {
            browser.evidence(context.getRequiredTestClass().getSimpleName() + "-"
                    + context.getRequiredTestMethod().getName());
        }
    }
}
