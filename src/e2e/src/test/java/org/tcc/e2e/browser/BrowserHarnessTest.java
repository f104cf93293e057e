package org.tcc.e2e.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The harness itself, against a tiny local page: two people at the shared browser do not share cookies or
 * storage, every window is 1366×768, and a page's own fetch carries its cookie (what the console's downloads use).
 */
@BrowserTest
class BrowserHarnessTest {

    private static HttpServer server;
    private static String base;

    @BeforeAll
    static void page() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String query = exchange.getRequestURI().getQuery();
            if (query != null && query.startsWith("who=")) {
                exchange.getResponseHeaders().add("Set-Cookie", "who=" + query.substring(4) + "; Path=/; HttpOnly");
            }
            String cookie = exchange.getRequestHeaders().getFirst("Cookie");
            byte[] body = ("<!doctype html><html><body><p data-testid=\"who\">" + (cookie == null ? "nobody" : cookie)
                    + "</p></body></html>").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @Test
    void twoPeopleAtTheSharedBrowserKeepTheirOwnCookiesAndStorage() {
        try (BrowserSession usa = Browser.shared().newSession("USA");
             BrowserSession jpn = Browser.shared().newSession("JPN")) {
            usa.open(base + "?who=usa");
            usa.script("localStorage.setItem('tcc.lang', 'en')");
            jpn.open(base);
            assertEquals("nobody", jpn.await("who").getText(), "JPN's window carries no USA cookie");
            assertEquals(null, jpn.script("return localStorage.getItem('tcc.lang')"), "nor its storage");
            jpn.open(base + "?who=jpn");
            usa.open(base);
            assertEquals("who=usa", usa.await("who").getText());
            jpn.open(base);
            assertEquals("who=jpn", jpn.await("who").getText());
            Map<String, Object> fetched = usa.fetch(base);
            assertEquals(200L, ((Number) fetched.get("status")).longValue());
            assertTrue(fetched.get("body").toString().contains("who=usa"), "the page's fetch sends its cookie");
        }
    }

    @Test
    void everyWindowIsTheDeskScreenSize() throws IOException {
        try (BrowserSession desk = Browser.shared().newSession("desk")) {
            desk.open(base);
            assertEquals(Browser.WIDTH, ((Number) desk.script("return window.innerWidth")).intValue());
            assertEquals(Browser.HEIGHT, ((Number) desk.script("return window.innerHeight")).intValue());
            BufferedImage png = ImageIO.read(new ByteArrayInputStream(desk.screenshotPng()));
            assertEquals(Browser.WIDTH, png.getWidth());
            assertEquals(Browser.HEIGHT, png.getHeight());
        }
    }

    @Test
    void aMissingBrowserIsNamedWithTheInstallLine() {
        String before = System.getProperty("tcc.chromium");
        System.setProperty("tcc.chromium", "/nonexistent/chromium");
        try {
            String reason = BrowserRequirement.missing().orElseThrow();
            assertTrue(reason.contains("/nonexistent/chromium") && reason.contains("apt-get install -y chromium"
                    + " chromium-driver"), reason);
            assertFalse(reason.contains("chromedriver (/usr/bin"), "chromedriver is there: " + reason);
        } finally {
            if (before == null) {
                System.clearProperty("tcc.chromium");
            } else {
                System.setProperty("tcc.chromium", before);
            }
        }
    }
}
