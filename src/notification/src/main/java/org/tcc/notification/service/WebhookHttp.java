package org.tcc.notification.service;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.tcc.notification.domain.WebhookTargets;

/**
 * One webhook POST to an address that was checked: the host is resolved once, every address it resolves to is
 * checked against the {@link WebhookTargets.Policy}, and the connection goes to the first checked address itself, so
 * a second DNS answer (DNS rebinding) is never used. The request still names the host: {@code Host} header, TLS SNI
 * and certificate verification against the host name (JSSE endpoint identification "HTTPS"). HTTP/1.1, one request
 * per connection, redirects never followed; only the status line of the answer is read.
 */
public final class WebhookHttp {

    /** Resolves a host name to its addresses (the JDK resolver in production). */
    @FunctionalInterface
    public interface Resolver {
        List<InetAddress> resolve(String host) throws IOException;
    }

    /** The target may not be reached under the policy; the message says why (for the service log only). */
    public static final class Refused extends IOException {
        public Refused(String message) {
            super(message);
        }
    }

    public static final Resolver JDK = host -> Arrays.asList(InetAddress.getAllByName(host));

    private final Resolver resolver;
    private final WebhookTargets.Policy policy;
    private final Duration timeout;
    private final SSLSocketFactory tls;

    public WebhookHttp(Resolver resolver, WebhookTargets.Policy policy, Duration timeout, SSLSocketFactory tls) {
        this.resolver = resolver;
        this.policy = policy;
        this.timeout = timeout;
        this.tls = tls;
    }

    /** POSTs {@code body} to {@code url} and returns the status code answered. */
    public int post(URI url, Map<String, String> headers, byte[] body) throws IOException {
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        boolean https = scheme.equals("https");
        if (!https && !scheme.equals("http")) {
            throw new Refused("scheme " + scheme + " is not http(s)");
        }
        String rawHost = url.getHost();
        String host = rawHost.startsWith("[") ? rawHost.substring(1, rawHost.length() - 1) : rawHost;
        int port = url.getPort() == -1 ? (https ? 443 : 80) : url.getPort();
        Optional<InetAddress> literal = WebhookTargets.literal(host);
        List<InetAddress> addresses = literal.isPresent() ? List.of(literal.get()) : resolver.resolve(host);
        Optional<String> refused = policy.refusal(host, addresses);
        if (refused.isPresent()) {
            throw new Refused(refused.get());
        }
        InetAddress checked = addresses.get(0);
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(checked, port), millis);
            socket.setSoTimeout(millis);
            Socket channel = socket;
            if (https) {
                SSLSocket ssl = (SSLSocket) tls.createSocket(socket, host, port, true);
                SSLParameters params = ssl.getSSLParameters();
                params.setEndpointIdentificationAlgorithm("HTTPS");
                if (literal.isEmpty()) {
                    params.setServerNames(List.of(new SNIHostName(host)));
                }
                ssl.setSSLParameters(params);
                ssl.startHandshake();
                channel = ssl;
            }
            OutputStream out = channel.getOutputStream();
            out.write(head(url, rawHost, port, https, headers, body.length).getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return status(new BufferedInputStream(channel.getInputStream()));
        } finally {
            socket.close();
        }
    }

    private static String head(URI url, String rawHost, int port, boolean https, Map<String, String> headers,
                               int length) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        if (url.getRawQuery() != null) {
            path += "?" + url.getRawQuery();
        }
        boolean defaultPort = port == (https ? 443 : 80);
        StringBuilder head = new StringBuilder("POST ").append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(rawHost).append(defaultPort ? "" : ":" + port).append("\r\n");
        headers.forEach((name, value) -> {
            if (name.indexOf('\r') >= 0 || name.indexOf('\n') >= 0 || value.indexOf('\r') >= 0
                    || value.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("header " + name + " carries a line break");
            }
            head.append(name).append(": ").append(value).append("\r\n");
        });
        return head.append("Content-Length: ").append(length).append("\r\n")
                .append("Connection: close\r\n\r\n").toString();
    }

    /** The status code of the answer's status line ({@code HTTP/1.1 204 No Content}). */
    private static int status(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c == -1 || line.length() > 1024) {
                throw new IOException("no HTTP status line in the answer");
            }
            line.append((char) c);
        }
        String[] parts = line.toString().strip().split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP/1.x status line");
        }
        try {
            return Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IOException("not an HTTP status code: " + parts[1]);
        }
    }
}
