package org.tcc.console;

import java.io.IOException;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a browser does when a person signs in to the console, done over plain HTTP against the real Keycloak: keeps
 * cookies, follows the redirects one by one (so the test sees each), fills in Keycloak's login form. No password is
 * ever sent to the console: only to Keycloak's own form.
 */
public final class Browser {

    public static final String CONSOLE = "http://localhost:18088";
    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

    private String sessionCookieHeader;
    public final Jar cookies = new Jar();
    public final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** GET without following redirects. */
    public HttpResponse<String> get(String url, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> send(String method, String url, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Signs in as {@code username} (password {@code <username>-local}) through the console's redirect to Keycloak. */
    public Browser signIn(String username) throws IOException, InterruptedException {
        HttpResponse<String> toKeycloak = get(CONSOLE + "/");
        if (toKeycloak.statusCode() != 302) {
            throw new IllegalStateException("expected a redirect to Keycloak, got " + toKeycloak.statusCode());
        }
        HttpResponse<String> loginPage = get(location(toKeycloak));
        Matcher action = FORM_ACTION.matcher(loginPage.body());
        if (!action.find()) {
            throw new IllegalStateException("no login form on Keycloak's page: " + loginPage.statusCode());
        }
        String form = Map.of("username", username, "password", username + "-local", "credentialId", "")
                .entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> back = send("POST", action.group(1).replace("&amp;", "&"), form,
                "Content-Type", "application/x-www-form-urlencoded");
        if (back.statusCode() != 302 || !location(back).startsWith(CONSOLE)) {
            throw new IllegalStateException("Keycloak did not send the browser back to the console: "
                    + back.statusCode() + " " + back.headers().firstValue("Location").orElse(""));
        }
        HttpResponse<String> codeExchanged = get(location(back));
        sessionCookieHeader = codeExchanged.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("q_session")).findFirst().orElse(null);
        for (int hops = 0; codeExchanged.statusCode() == 302 && hops < 3; hops++) {
            codeExchanged = get(location(codeExchanged));
        }
        if (codeExchanged.statusCode() != 200) {
            throw new IllegalStateException("the console did not sign the user in: " + codeExchanged.statusCode());
        }
        return this;
    }

    /** Signs in and answers the {@code Set-Cookie} header of the session cookie the console set. */
    public String signInAndCaptureSessionCookie(String username) throws IOException, InterruptedException {
        signIn(username);
        if (sessionCookieHeader == null) {
            throw new IllegalStateException("the console set no session cookie");
        }
        return sessionCookieHeader;
    }

    public List<HttpCookie> consoleCookies() {
        return List.copyOf(cookies.of(URI.create(CONSOLE)).values());
    }

    /**
     * A browser's cookie jar for http://localhost: per host and port, every path. (The JDK's CookieManager never
     * sends a {@code Secure} cookie over http, while browsers treat localhost as a secure context and do; Keycloak
     * marks its login-session cookies {@code Secure; SameSite=None}.)
     */
    public static final class Jar extends java.net.CookieHandler {
        private final Map<String, Map<String, HttpCookie>> byOrigin = new java.util.concurrent.ConcurrentHashMap<>();

        Map<String, HttpCookie> of(URI uri) {
            return byOrigin.computeIfAbsent(uri.getHost() + ":" + uri.getPort(),
                    k -> new java.util.concurrent.ConcurrentHashMap<>());
        }

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
            Map<String, HttpCookie> jar = of(uri);
            jar.values().removeIf(HttpCookie::hasExpired);
            if (jar.isEmpty()) {
                return Map.of();
            }
            return Map.of("Cookie", List.of(jar.values().stream().map(c -> c.getName() + "=" + c.getValue())
                    .collect(Collectors.joining("; "))));
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) {
            responseHeaders.forEach((name, values) -> {
                if (name != null && name.equalsIgnoreCase("Set-Cookie")) {
                    for (String value : values) {
                        for (HttpCookie cookie : HttpCookie.parse(value)) {
                            if (cookie.getMaxAge() == 0) {
                                of(uri).remove(cookie.getName());
                            } else {
                                of(uri).put(cookie.getName(), cookie);
                            }
                        }
                    }
                }
            });
        }
    }

    public static String location(HttpResponse<?> response) {
        String location = response.headers().firstValue("Location").orElseThrow(
                () -> new IllegalStateException("no Location in a " + response.statusCode()));
        return URI.create(response.uri().toString()).resolve(location).toString();
    }
}
