package org.tcc.e2e.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NotFoundException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.bidi.browsingcontext.BrowsingContext;
import org.openqa.selenium.support.pagefactory.ByChained;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tcc.testsupport.ProjectRoot;

/**
 * One person at the shared browser ({@link Browser#newSession}): their own cookies and storage, one window. Every
 * method first points WebDriver at this session's window, so tests can alternate between the USA, KOR and JPN
 * consoles freely. Controls and regions are found by their {@code data-testid}.
 */
public final class BrowserSession implements AutoCloseable {

    /** How long a control or a live update may take to appear (the alert pipeline is asynchronous). */
    public static final Duration WAIT = Duration.ofSeconds(60);

    private final Browser browser;
    private final String name;
    private final String userContext;
    private final BrowsingContext window;

    BrowserSession(Browser browser, String name, String userContext, BrowsingContext window) {
        this.browser = browser;
        this.name = name;
        this.userContext = userContext;
        this.window = window;
    }

    public String name() {
        return name;
    }

    String userContext() {
        return userContext;
    }

    String windowHandle() {
        return window.getId();
    }

    /** WebDriver, pointed at this session's window. */
    public WebDriver driver() {
        browser.focus(this);
        return browser.driver();
    }

    public BrowserSession open(String url) {
        driver().get(url);
        return this;
    }

    public String currentUrl() {
        return driver().getCurrentUrl();
    }

    public static By testId(String id) {
        return By.cssSelector("[data-testid='" + id + "']");
    }

    /**
     * The visible element with this {@code data-testid}, waiting for it up to {@link #WAIT}. The console re-renders
     * live regions (a board row when the next version of its alert arrives, the room when another country acts), so
     * an element found once may be replaced a moment later: read it with {@link #text}/{@link #attribute} and act on
     * it with {@link #click}/{@link #type}/{@link #select}, which find it again on every try, rather than keeping it.
     */
    public WebElement await(String id) {
        return await(testId(id), WAIT);
    }

    public WebElement await(By by, Duration timeout) {
        try {
            return waiting(timeout).until(ExpectedConditions.visibilityOfElementLocated(by));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError(name + ": " + by + " not visible within " + timeout + " at " + currentUrl()
                    + shown(), e);
        }
    }

    /** Waits until {@code condition} holds (a value other than null or false), describing what in a failure. */
    public <T> T until(String what, Function<WebDriver, T> condition) {
        return until(what, WAIT, condition);
    }

    /**
     * Waits until {@code condition} holds. A try that meets an element the page has just replaced or not yet drawn
     * ({@link StaleElementReferenceException}, {@link NotFoundException}) or one not yet clickable
     * ({@link ElementNotInteractableException}) counts as "not yet" and is tried again.
     */
    public <T> T until(String what, Duration timeout, Function<WebDriver, T> condition) {
        try {
            return waiting(timeout).until(condition);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError(name + ": not within " + timeout + ": " + what + " (at " + currentUrl() + ")"
                    + shown(), e);
        }
    }

    /** The text of the visible element {@code by}, read from the element as it is now. */
    public String text(By by) {
        return until("the text of " + by, d -> visible(d, by).getText());
    }

    public String text(String id) {
        return text(testId(id));
    }

    /** An attribute of the visible element {@code by} as it is now ({@code ""} when it has none). */
    public String attribute(By by, String attribute) {
        return until(attribute + " of " + by, d -> {
            String value = visible(d, by).getAttribute(attribute);
            return value == null ? "" : value;
        });
    }

    public String attribute(String id, String attribute) {
        return attribute(testId(id), attribute);
    }

    /** Waits until the element's text satisfies {@code test}; returns the text. */
    public String awaitText(String id, Predicate<String> test, String what) {
        return until(what, d -> {
            String text = d.findElement(testId(id)).getText();
            return test.test(text) ? text : null;
        });
    }

    public List<WebElement> all(String id) {
        return driver().findElements(testId(id));
    }

    public boolean present(String id) {
        return !all(id).isEmpty();
    }

    public boolean present(By by) {
        return !driver().findElements(by).isEmpty();
    }

    /** Clicks the visible, enabled element {@code by}, finding it again if the page replaced it meanwhile. */
    public BrowserSession click(By by) {
        until("click " + by, d -> {
            WebElement element = visible(d, by);
            if (!element.isEnabled()) {
                return false;
            }
            element.click();
            return true;
        });
        return this;
    }

    public BrowserSession click(String id) {
        return click(testId(id));
    }

    /** Clicks the control {@code id} inside the element {@code container} (a row's button, say). */
    public BrowserSession click(By container, String id) {
        return click(new ByChained(container, testId(id)));
    }

    /** Clears the field and types {@code text} into it, as a person at the keyboard would. */
    public BrowserSession type(String id, String text) {
        until("type into " + id, d -> {
            WebElement field = visible(d, testId(id));
            field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
            field.sendKeys(text);
            return true;
        });
        return this;
    }

    /** Chooses the option with this value in a {@code <select>}. */
    public BrowserSession select(String id, String value) {
        until("choose " + value + " in " + id, d -> {
            new org.openqa.selenium.support.ui.Select(visible(d, testId(id))).selectByValue(value);
            return true;
        });
        return this;
    }

    /** The start of what the page shows, for a failure's message (the session may be closed before evidence). */
    private String shown() {
        try {
            String text = driver().findElement(By.tagName("body")).getText().replaceAll("\\s+", " ").strip();
            return "; the page shows: " + (text.length() > 400 ? text.substring(0, 400) + "…" : text);
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static WebElement visible(WebDriver driver, By by) {
        WebElement element = driver.findElement(by);
        if (!element.isDisplayed()) {
            throw new ElementNotInteractableException(by + " is not displayed");
        }
        return element;
    }

    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver()).executeScript(js, args);
    }

    /**
     * A GET from inside the page, with the page's own session cookie (what a click on a download link sends):
     * {@code status}, {@code contentType}, {@code disposition} and {@code body}.
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> fetch(String url) {
        return (Map<String, Object>) ((JavascriptExecutor) driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.text().then(t => done({"
                        + "status: r.status, contentType: r.headers.get('Content-Type'),"
                        + "disposition: r.headers.get('Content-Disposition'), body: t})))"
                        + ".catch(e => done({status: -1, body: String(e)}));", url);
    }

    /**
     * Signs in on Keycloak's login page (the console sends the browser there; the password is typed into
     * Keycloak's page, never the console's). Local users' passwords are {@code <user>-local}.
     */
    public BrowserSession signInAtKeycloak(String user) {
        return signInAtKeycloak(user, user + "-local");
    }

    public BrowserSession signInAtKeycloak(String user, String password) {
        WebElement username = await(By.id("username"), WAIT);
        username.clear();
        username.sendKeys(user);
        WebElement field = driver().findElement(By.id("password"));
        field.clear();
        field.sendKeys(password);
        driver().findElement(By.id("kc-login")).click();
        return this;
    }

    /** The visible part of the page as PNG ({@value Browser#WIDTH}×{@value Browser#HEIGHT}). */
    public byte[] screenshotPng() {
        return Base64.getDecoder().decode(window.captureScreenshot());
    }

    /**
     * Where {@link #screenshot} saves: {@code src/e2e/target/screenshots/} unless {@code -Dtcc.screenshots=<dir>} or
     * {@code TCC_SCREENSHOTS=<dir>} (relative to the project) says otherwise. docs/console.md's pictures are
     * refreshed with {@code TCC_SCREENSHOTS=docs/console}; an ordinary test run never rewrites them.
     */
    public static Path screenshotDir() {
        String dir = System.getProperty("tcc.screenshots", System.getenv("TCC_SCREENSHOTS"));
        return ProjectRoot.dir().resolve(dir == null || dir.isBlank() ? "src/e2e/target/screenshots" : dir);
    }

    /** Saves the screen as {@code <screenshotDir>/<screen>.png} (docs/console.md shows them). */
    public Path screenshot(String screen) {
        if (!screen.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("screen names are lowercase words with dashes: " + screen);
        }
        return write(screenshotDir().resolve(screen + ".png"), screenshotPng());
    }

    /** A screenshot and the page's HTML under {@code src/e2e/target/browser-evidence/} (on a failure). */
    void evidence(String label) {
        Path dir = ProjectRoot.dir().resolve("src/e2e/target/browser-evidence");
        String base = (label + "-" + name).replaceAll("[^A-Za-z0-9._-]+", "_");
        try {
            write(dir.resolve(base + ".png"), screenshotPng());
            write(dir.resolve(base + ".html"), driver().getPageSource().getBytes(
                    java.nio.charset.StandardCharsets.UTF_8));
            write(dir.resolve(base + ".console.txt"), String.join("\n", browser.logOf(this)).getBytes(
                    java.nio.charset.StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            System.err.println("no evidence from " + name + ": " + e);
        }
    }

    /** What the page wrote to its console and the script errors it raised, oldest first. */
    public List<String> consoleLog() {
        return browser.logOf(this);
    }

    private static Path write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private WebDriverWait waiting(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver(), timeout, Duration.ofMillis(100));
        wait.ignoreAll(List.of(StaleElementReferenceException.class, NotFoundException.class,
                ElementNotInteractableException.class));
        return wait;
    }

    @Override
    public void close() {
        browser.closed(this);
    }

    @Override
    public String toString() {
        return name;
    }
}
