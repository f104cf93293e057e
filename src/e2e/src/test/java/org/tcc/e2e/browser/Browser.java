package org.tcc.e2e.browser;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.bidi.browsingcontext.BrowsingContext;
import org.openqa.selenium.bidi.browsingcontext.CreateContextParameters;
import org.openqa.selenium.bidi.module.LogInspector;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The one headless chromium of a test JVM, started on first use and quit when the JVM exits, shared by every
 * browser test. Each person at a console (the USA, KOR and JPN liaison officers, an auditor...) gets a
 * {@link BrowserSession}: a WebDriver BiDi user context of its own, so cookies, storage and the console's
 * sign-in are as separate as on three machines, while the browser process is one.
 */
public final class Browser {

    /** The size every screen is tested and photographed at (the smallest supported desk screen). */
    public static final int WIDTH = 1366;
    public static final int HEIGHT = 768;

    private static Browser shared;

    private final ChromeDriver driver;
    private final org.openqa.selenium.bidi.module.Browser bidi;
    private final List<BrowserSession> sessions = new CopyOnWriteArrayList<>();
    private final Map<String, List<String>> logs = new ConcurrentHashMap<>();
    private BrowserSession current;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
        this.bidi = new org.openqa.selenium.bidi.module.Browser(driver);
        LogInspector inspector = new LogInspector(driver);
        inspector.onConsoleEntry(entry -> log(entry.getSource().getBrowsingContext().orElse(""),
                entry.getLevel() + " " + entry.getText()));
        inspector.onJavaScriptException(entry -> log(entry.getSource().getBrowsingContext().orElse(""),
                "EXCEPTION " + entry.getText() + " " + entry.getStackTrace()));
    }

    /** Whether a browser test started the JVM's browser (nothing to collect otherwise). */
    static synchronized Browser ifStarted() {
        return shared;
    }

    private void log(String context, String line) {
        logs.computeIfAbsent(context, c -> new CopyOnWriteArrayList<>()).add(Instant.now() + " " + line);
    }

    List<String> logOf(BrowserSession session) {
        return List.copyOf(logs.getOrDefault(session.windowHandle(), List.of()));
    }

    /** Evidence of every open session (screenshot, HTML, console) for a failed test. */
    void evidence(String label) {
        sessions.forEach(s -> s.evidence(label));
    }

    /** The JVM's browser; fails with the install hint where chromium or chromedriver is missing. */
    public static synchronized Browser shared() {
        if (shared == null) {
            BrowserRequirement.missing().ifPresent(reason -> {
                throw new IllegalStateException(reason);
            });
            shared = new Browser(start());
            Browser started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(started::quit, "quit-chromium"));
        }
        return shared;
    }

    private static ChromeDriver start() {
        ChromeOptions options = new ChromeOptions();
        // both paths explicit: Selenium Manager is never asked to find (or download) a browser or driver
        options.setBinary(BrowserRequirement.chromium().toFile());
        options.enableBiDi();
        options.addArguments("--headless=new", "--window-size=" + WIDTH + "," + HEIGHT, "--no-sandbox",
                "--disable-dev-shm-usage", "--disable-gpu", "--lang=en-US", "--no-first-run",
                "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
                "--disable-sync", "--disable-features=Translate,MediaRouter,OptimizationHints",
                // three consoles live side by side: none of them may be throttled as a background window
                "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
                "--disable-backgrounding-occluded-windows");
        options.setAcceptInsecureCerts(false);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(BrowserRequirement.chromedriver().toFile())
                .usingAnyFreePort()
                .withTimeout(Duration.ofSeconds(60))
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60)).scriptTimeout(Duration.ofSeconds(30));
        return driver;
    }

    /**
     * A new person at the browser: a fresh user context (no cookies, no local storage) with one window of
     * {@value #WIDTH}×{@value #HEIGHT}. {@code name} labels it in failures ("USA liaison").
     */
    public synchronized BrowserSession newSession(String name) {
        String userContext = bidi.createUserContext();
        BrowsingContext window = new BrowsingContext(driver,
                new CreateContextParameters(WindowType.WINDOW).userContext(userContext));
        window.setViewport(WIDTH, HEIGHT);
        BrowserSession session = new BrowserSession(this, name, userContext, window);
        sessions.add(session);
        return session;
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Points WebDriver's classic commands at the session's window. */
    synchronized void focus(BrowserSession session) {
        if (current != session) {
            driver.switchTo().window(session.windowHandle());
            current = session;
        }
    }

    synchronized void closed(BrowserSession session) {
        sessions.remove(session);
        if (current == session) {
            current = null;
        }
        try {
            bidi.removeUserContext(session.userContext());
        } catch (RuntimeException e) {
            // the browser may already be gone (JVM shutdown)
        }
    }

    private synchronized void quit() {
        try {
            driver.quit();
        } catch (RuntimeException e) {
            // already gone
        }
    }
}
