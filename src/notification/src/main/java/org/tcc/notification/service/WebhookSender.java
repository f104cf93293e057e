package org.tcc.notification.service;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.tcc.notification.config.NotificationConfig;
import org.tcc.notification.domain.WebhookSignature;
import org.tcc.notification.domain.WebhookUrls;
import org.tcc.notification.repository.Delivery;
import org.tcc.notification.repository.NotificationEntry;
import org.tcc.notification.repository.Recipient;
import org.tcc.notification.repository.RecipientRepository;

/**
 * POSTs the notification JSON to the recipient's endpoint, signed with the endpoint's current secret (see
 * {@link WebhookSignature}). Any 2xx accepts it; anything else, a timeout or a connection failure is a failed
 * attempt. Redirects are not followed.
 */
@ApplicationScoped
public class WebhookSender implements ChannelSender {

    public static final String DELIVERY_HEADER = "TCC-Delivery-Id";
    public static final String EVENT_HEADER = "TCC-Event-Type";

    @Inject
    NotificationConfig config;

    @Inject
    RecipientRepository recipients;

    private HttpClient http;

    @PostConstruct
    void init() {
        http = HttpClient.newBuilder().connectTimeout(config.webhooks().timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public void send(Delivery delivery, NotificationEntry entry) throws IOException, InterruptedException {
        Optional<String> invalid = WebhookUrls.problem(delivery.target,
                config.webhooks().allowPlainHttpLocalhost());
        if (invalid.isPresent()) {
            throw new IllegalStateException("webhook URL " + invalid.get());
        }
        String secret = secretOf(delivery);
        byte[] body = entry.payload.getBytes(StandardCharsets.UTF_8);
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.target))
                .timeout(config.webhooks().timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "TCC-Notification/1")
                .header(WebhookSignature.HEADER, WebhookSignature.header(secret, timestamp, body))
                .header(DELIVERY_HEADER, delivery.id.toString())
                .header(EVENT_HEADER, entry.kind.name())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("webhook answered HTTP " + response.statusCode());
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
