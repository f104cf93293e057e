package org.tcc.console.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.tcc.console.Browser;
import org.tcc.console.FakeServices;

/** A strict Content-Security-Policy on the page, allowing exactly the page's import map and nothing else inline. */
@QuarkusTest
@QuarkusTestResource(FakeServices.class)
class SecurityHeadersTest {

    @Test
    void thePageAllowsOnlyItsOwnOriginAndItsImportMap() throws Exception {
        Browser browser = new Browser().signIn("us-liaison");

        HttpResponse<String> page = browser.get(Browser.CONSOLE + "/");

        assertEquals(200, page.statusCode());
        String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.startsWith("default-src 'self'"), csp);
        assertTrue(csp.contains("frame-ancestors 'none'") && csp.contains("object-src 'none'"), csp);
        assertTrue(!csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"), csp);
        java.net.URI issuer = java.net.URI.create(org.tcc.testsupport.TestKeycloak.issuer());
        assertTrue(csp.contains("form-action 'self' " + issuer.getScheme() + "://" + issuer.getRawAuthority() + ";"),
                "forms post to the console, and sign-out's redirect goes to Keycloak only: " + csp);
        Matcher importMap = Pattern.compile("<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL)
                .matcher(page.body());
        assertTrue(importMap.find(), "the page has its import map");
        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(importMap.group(1).getBytes(StandardCharsets.UTF_8)));
        assertTrue(csp.contains("'sha256-" + hash + "'"), csp + " lacks the import map's hash " + hash);
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(null));
        // the sign-out form's POST carries its Origin only under a policy that keeps same-origin referrers
        assertEquals("same-origin", page.headers().firstValue("Referrer-Policy").orElse(null));
    }

    @Test
    void theSignedOutPageIsPublicAndTheMapModulesAreServed() throws Exception {
        Browser browser = new Browser();
        assertEquals(200, browser.get(Browser.CONSOLE + "/signed-out.html").statusCode());

        Browser signedIn = new Browser().signIn("jp-liaison");
        HttpResponse<String> d3 = signedIn.get(Browser.CONSOLE + "/webjars/d3-geo/3.1.1/src/index.js");
        assertEquals(200, d3.statusCode());
        assertTrue(d3.body().contains("geoPath"));
        assertEquals(200, signedIn.get(Browser.CONSOLE + "/webjars/d3-array/3.2.4/src/index.js").statusCode());
        assertEquals(200, signedIn.get(Browser.CONSOLE + "/webjars/internmap/2.0.3/src/index.js").statusCode());
        HttpResponse<String> zones = signedIn.get(Browser.CONSOLE + "/map/zones.geojson");
        assertEquals(200, zones.statusCode());
        assertTrue(zones.body().contains("\"FeatureCollection\""));
    }
}
