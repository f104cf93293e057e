package org.tcc.notification.service;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.jboss.logging.Logger;
import org.tcc.kit.observability.TraceContext;
import org.tcc.notification.config.NotificationConfig;
import org.tcc.notification.domain.WebhookSignature;
import org.tcc.notification.domain.WebhookTargets;
import org.tcc.notification.domain.WebhookUrls;
import org.tcc.notification.repository.Delivery;
import org.tcc.notification.repository.NotificationEntry;
import org.tcc.notification.repository.Recipient;
import org.tcc.notification.repository.RecipientRepository;

/**
 * POSTs the notification JSON to the recipient's endpoint, signed with the endpoint's current secret (see
 * {@link WebhookSignature}). The host is resolved and every address checked on each attempt, and the request goes to
 * the checked address ({@link WebhookHttp}): loopback, private, link-local (cloud metadata), multicast and other
 * non-public addresses are refused unless {@code tcc.notification.webhooks.allowed-targets} lists them. Any 2xx
 * accepts the delivery; anything else, a refused target, a timeout or a connection or TLS failure is a failed attempt
 * recorded with the same generic reason, {@value #FAILED}, so the delivery log cannot be used to map a network (open
 * port, closed port, TLS, status): the detail goes to the service log only. Redirects are not followed.
 */
@ApplicationScoped
public class WebhookSender implements ChannelSender {

    public static final String DELIVERY_HEADER = "TCC-Delivery-Id";
    public static final String EVENT_HEADER = "TCC-Event-Type";
    /** The reason recorded for every failed webhook attempt, whatever happened. */
    public static final String FAILED = "webhook delivery failed";
    private static final Logger LOG = Logger.getLogger(WebhookSender.class);

    @Inject
    NotificationConfig config;

    @Inject
    RecipientRepository recipients;

    private WebhookTargets.Policy policy;
    private WebhookHttp http;

    @PostConstruct
    void init() {
        policy = policy(config);
        try {
            http = new WebhookHttp(WebhookHttp.JDK, policy, config.webhooks().timeout(),
                    SSLContext.getDefault().getSocketFactory());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no default TLS context", e);
        }
    }

    /** The deployment's webhook target policy ({@code tcc.notification.webhooks.allowed-targets}). */
    public static WebhookTargets.Policy policy(NotificationConfig config) {
        return WebhookTargets.Policy.of(config.webhooks().allowedTargets().orElse(List.of()));
    }

    @Override
    public void send(Delivery delivery, NotificationEntry entry) throws ChannelSender.Failed, InterruptedException {
        try {
            Optional<String> invalid = WebhookUrls.problem(delivery.target,
                    config.webhooks().allowPlainHttpLocalhost(), policy);
            if (invalid.isPresent()) {
                throw new WebhookHttp.Refused("webhook URL " + invalid.get());
            }
            String secret = secretOf(delivery);
            // the document in the recipient's language (language, title, text); everything else as for every reader
            byte[] body = NoticeDocuments.document(entry, NoticeDocuments.languageOf(delivery))
                    .getBytes(StandardCharsets.UTF_8);
            long timestamp = Instant.now().getEpochSecond();
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", "application/json"); // UTF-8, as JSON always is (RFC 8259)
            headers.put("Content-Language", NoticeDocuments.languageOf(delivery).tag());
            headers.put("User-Agent", "TCC-Notification/1");
            headers.put(WebhookSignature.HEADER, WebhookSignature.header(secret, timestamp, body));
            headers.put(DELIVERY_HEADER, delivery.id.toString());
            headers.put(EVENT_HEADER, entry.kind.name());
            // W3C trace context of this attempt's client span: the receiver may continue the notice's trace
            String traceparent = TraceContext.current();
            if (traceparent != null) {
                headers.put(TraceContext.HEADER, traceparent);
            }
            int status = http.post(URI.create(delivery.target), headers, body);
            if (status / 100 != 2) {
                throw new IOException("webhook answered HTTP " + status);
            }
        } catch (WebhookHttp.Refused e) {
            LOG.warnf("webhook delivery %s to %s refused: %s", delivery.id, delivery.recipientName, e.getMessage());
            throw new ChannelSender.Failed(FAILED);
        } catch (IOException | RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("shutting down");
            }
            LOG.infof("webhook delivery %s to %s failed: %s", delivery.id, delivery.recipientName, e.toString());
            throw new ChannelSender.Failed(FAILED);
        }
    }

    private String secretOf(Delivery delivery) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> {
            Recipient r = recipients.findById(delivery.recipientId);
            if (r == null || r.webhookSecret == null) {
                throw new IllegalStateException("recipient " + delivery.recipientName + " has no webhook secret");
            }
            return r.webhookSecret;
        });
    }
}
