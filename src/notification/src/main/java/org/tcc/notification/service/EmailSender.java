package org.tcc.notification.service;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tcc.notification.domain.NoticeRenderer;
import org.tcc.notification.repository.Delivery;
import org.tcc.notification.repository.NotificationEntry;

/**
 * Sends the notification as a plain-text UTF-8 e-mail over SMTP, in the language of the delivery (the recipient's):
 * subject = the notice's title (with the exercise/test label), body = its text, {@code Content-Language} = the tag.
 */
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
        NoticeRenderer.Rendered words = NoticeDocuments.rendered(entry, NoticeDocuments.languageOf(delivery));
        // the mailer writes a text/plain; charset=utf-8 body and RFC 2047-encodes a non-ASCII subject
        Mail mail = Mail.withText(delivery.target, words.title(), words.text())
                .addHeader("Message-ID", messageId(delivery.id))
                .addHeader(DELIVERY_HEADER, delivery.id.toString())
                .addHeader(SEQ_HEADER, entry.country + "-" + entry.seq)
                .addHeader("X-TCC-Traffic-Status", entry.trafficStatus.name())
                .addHeader("Content-Language", NoticeDocuments.languageOf(delivery).tag());
        mailer.send(mail);
    }
}
