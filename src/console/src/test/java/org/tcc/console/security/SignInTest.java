package org.tcc.console.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tcc.console.Browser;
import org.tcc.console.FakeServices;
import org.tcc.testsupport.TestKeycloak;

/** Sign-in: authorization code flow with PKCE against the real Keycloak, session kept in a hardened cookie. */
@QuarkusTest
@QuarkusTestResource(FakeServices.class)
class SignInTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anUnauthenticatedPageRedirectsToKeycloakWithAPkceS256Challenge() throws Exception {
        HttpResponse<String> page = new Browser().get(Browser.CONSOLE + "/");

        assertEquals(302, page.statusCode());
        URI location = URI.create(Browser.location(page));
        assertTrue(location.toString().startsWith(TestKeycloak.issuer() + "/protocol/openid-connect/auth"),
                location.toString());
        Map<String, String> query = query(location);
        assertEquals("code", query.get("response_type"));
        assertEquals("tcc-console", query.get("client_id"));
        assertEquals("S256", query.get("code_challenge_method"));
        // a SHA-256 in base64url without padding: 43 characters
        assertEquals(43, query.get("code_challenge").length(), query.get("code_challenge"));
        assertTrue(query.get("redirect_uri").startsWith(Browser.CONSOLE + "/"), query.get("redirect_uri"));
        assertTrue(query.containsKey("state"));
    }

    @Test
    void thePagesOwnRequestsGetNoRedirectButA499TheyCanActOn() throws Exception {
        HttpResponse<String> api = new Browser().get(Browser.CONSOLE + "/api/ingestion/v1/alerts",
                "X-Requested-With", "JavaScript");

        assertEquals(499, api.statusCode());
        assertTrue(api.headers().firstValue("Location").isEmpty());
    }

    @Test
    void signingInGivesAnHttpOnlyStrictSessionAndTheSessionNamesTheCountryButNoToken() throws Exception {
        Browser browser = new Browser().signIn("kr-liaison");

        var session = browser.consoleCookies().stream().filter(c -> c.getName().startsWith("q_session")).toList();
        assertFalse(session.isEmpty(), "a session cookie: " + browser.consoleCookies());
        HttpResponse<String> me = browser.get(Browser.CONSOLE + "/session", "Accept", "application/json");
        assertEquals(200, me.statusCode(), me.body());
        JsonNode body = JSON.readTree(me.body());
        assertEquals("kr-liaison", body.path("username").asText());
        assertEquals("KOR", body.path("country").asText());
        assertTrue(body.path("roles").toString().contains("liaison"), body.toString());
        assertFalse(me.body().contains("eyJ"), "no token in what the page reads: " + me.body());
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteStrict() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> toKeycloak = browser.get(Browser.CONSOLE + "/");
        String stateCookie = toKeycloak.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("q_auth")).findFirst().orElseThrow();
        assertTrue(stateCookie.toLowerCase().contains("httponly"), stateCookie);

        // the session cookie as the console sets it after the code exchange
        Browser signedIn = new Browser();
        String header = signedIn.signInAndCaptureSessionCookie("jp-liaison");
        assertTrue(header.toLowerCase().contains("httponly"), header);
        assertTrue(header.toLowerCase().contains("samesite=strict"), header);
    }

    @Test
    void signOutIsAPostFromTheConsolesPageAndNothingElseEndsTheSession() throws Exception {
        Browser browser = new Browser().signIn("us-liaison");

        HttpResponse<String> link = browser.get(Browser.CONSOLE + "/logout");
        assertEquals(405, link.statusCode(), "a GET (a prefetched link) signs nobody out");
        assertEquals("POST", link.headers().firstValue("Allow").orElse(null));
        assertTrue(link.body().contains("urn:tcc:problem:method-not-allowed"), link.body());
        HttpResponse<String> forged = browser.send("POST", Browser.CONSOLE + "/logout", "",
                "Origin", "https://attacker.example");
        assertEquals(403, forged.statusCode(), "another site's form signs nobody out");
        assertEquals(200, browser.get(Browser.CONSOLE + "/session", "Accept", "application/json").statusCode(),
                "still signed in after both");

        HttpResponse<String> signOut = browser.send("POST", Browser.CONSOLE + "/logout", "",
                "Origin", Browser.CONSOLE);
        assertEquals(302, signOut.statusCode(), signOut.body());
        assertTrue(Browser.location(signOut).startsWith(TestKeycloak.issuer()
                + "/protocol/openid-connect/logout"), "on to Keycloak's end-session endpoint: "
                + Browser.location(signOut));
        assertEquals(499, browser.get(Browser.CONSOLE + "/session", "X-Requested-With", "JavaScript").statusCode(),
                "the console's session is gone");
    }

    private static Map<String, String> query(URI uri) {
        return Arrays.stream(uri.getRawQuery().split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p.length > 1 ? p[1] : "",
                        StandardCharsets.UTF_8), (a, b) -> a));
    }
}
