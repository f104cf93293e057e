package org.tcc.notification.service;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tcc.notification.repository.Delivery;
import org.tcc.notification.repository.NotificationEntry;

/** Sends the notification as a plain-text e-mail over SMTP; the subject carries the exercise/test label. */
@ApplicationScoped
public class EmailSender implements ChannelSender {

    public static final String SEQ_HEADER = "X-TCC-Seq";
    public static final String DELIVERY_HEADER = "X-TCC-Delivery-Id";

    /**
     * A stable RFC 5322 Message-ID per delivery: a second attempt of one delivery (after a crash between sending and
     * recording it) carries the same id, so mail stores that de-duplicate by Message-ID keep one copy.
     */
    public static String messageId(java.util.UUID deliveryId) {
        return "<" + deliveryId + "@notification.tcc>";
    }

    @Inject
    Mailer mailer;

    @Override
    public void send(Delivery delivery, NotificationEntry entry) {
        Mail mail = Mail.withText(delivery.target, entry.title, textOf(entry))
                .addHeader("Message-ID", messageId(delivery.id))
                .addHeader(DELIVERY_HEADER, delivery.id.toString())
                .addHeader(SEQ_HEADER, entry.country + "-" + entry.seq)
                .addHeader("X-TCC-Traffic-Status", entry.trafficStatus.name());
        mailer.send(mail);
    }

    private static String textOf(NotificationEntry entry) {
        try {
            return org.tcc.contracts.Json.mapper().readTree(entry.payload).path("text").asText();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return entry.title;
        }
    }
}
