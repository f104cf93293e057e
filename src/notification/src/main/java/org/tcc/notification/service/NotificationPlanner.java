package org.tcc.notification.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.tcc.contracts.Country;
import org.tcc.contracts.Json;
import org.tcc.contracts.events.notification.Channel;
import org.tcc.contracts.events.notification.DeliveryStatus;
import org.tcc.notification.domain.Audience;
import org.tcc.notification.domain.Notice;
import org.tcc.notification.repository.Delivery;
import org.tcc.notification.repository.DeliveryRepository;
import org.tcc.notification.repository.NotificationEntry;
import org.tcc.notification.repository.NotificationRepository;
import org.tcc.notification.repository.Recipient;
import org.tcc.notification.repository.RecipientRepository;

/**
 * Turns a trigger into notifications: per country, one stream entry with the next sequence number and one
 * delivery per (recipient, channel). Runs in the caller's transaction; a country already notified for the same
 * source is skipped, so replays and redeliveries plan nothing twice (the unique constraints back this up).
 */
@ApplicationScoped
public class NotificationPlanner {

    /** Fired in the planning transaction; stream and delivery workers wake up once it has committed. */
    public record Planned(int entries) {
    }

    @Inject
    RecipientRepository recipients;

    @Inject
    NotificationRepository notifications;

    @Inject
    DeliveryRepository deliveries;

    @Inject
    DeliveryRecorder recorder;

    @Inject
    Event<Planned> planned;

    /**
     * Locks every country's stream, in the one order all planners use. A transaction that plans several triggers
     * takes them all first: locking each trigger's countries as it comes would take them out of order across
     * triggers (KOR for one, then USA for the next) and deadlock with another transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockAllStreams() {
        for (Country country : Country.values()) {
            notifications.lockStream(country);
        }
    }

    /** Plans the trigger; returns how many countries got a new notification. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int plan(Trigger trigger) {
        Instant now = Instant.now();
        int entries = 0;
        // stream locks are always taken in the same (enum) order, so concurrent planners cannot deadlock;
        // priority (affected countries first) is carried by the deliveries instead
        List<Country> lockOrder = trigger.countries().stream().sorted(Comparator.naturalOrder()).toList();
        for (Country country : lockOrder) {
            List<Recipient> targets = recipients.active(country, trigger.step());
            if (targets.isEmpty()) {
                continue;
            }
            long last = notifications.lockStream(country);
            if (notifications.exists(country, trigger.sourceKey())) {
                continue;
            }
            NotificationEntry entry = entry(trigger, country, last + 1, now);
            notifications.persist(entry);
            notifications.advanceStream(country, entry.seq);
            short priority = (short) Audience.priority(country, trigger.affected());
            for (Recipient r : targets) {
                if (r.stream) {
                    Delivery d = delivery(entry, r, Channel.STREAM, null, priority, now);
                    d.status = DeliveryStatus.SENT;
                    d.attempts = 1;
                    d.sentAt = now;
                    deliveries.persist(d);
                    recorder.publish(d, entry, null);
                }
                if (r.email != null && !r.email.isBlank()) {
                    deliveries.persist(delivery(entry, r, Channel.EMAIL, r.email, priority, now));
                }
                if (r.webhookUrl != null && !r.webhookUrl.isBlank()) {
                    deliveries.persist(delivery(entry, r, Channel.WEBHOOK, r.webhookUrl, priority, now));
                }
            }
            entries++;
        }
        if (entries > 0) {
            planned.fire(new Planned(entries));
        }
        return entries;
    }

    private static NotificationEntry entry(Trigger trigger, Country country, long seq, Instant now) {
        Notice notice = trigger.notice();
        NotificationEntry e = new NotificationEntry();
        e.country = country;
        e.seq = seq;
        e.sourceKey = trigger.sourceKey();
        e.sourceEventId = trigger.sourceEventId();
        e.sourceEventType = trigger.sourceEventType();
        e.kind = notice.kind();
        e.chainStep = trigger.step();
        e.alertId = trigger.alertId();
        e.consultationId = trigger.consultationId();
        e.trafficStatus = notice.trafficStatus();
        e.title = notice.title();
        e.createdAt = now;
        ObjectNode payload = Json.mapper().createObjectNode();
        payload.put("seq", seq);
        payload.put("country", country.name());
        payload.put("kind", notice.kind().name());
        payload.put("trafficStatus", notice.trafficStatus() == null ? null : notice.trafficStatus().name());
        payload.put("label", Notice.label(notice.trafficStatus()));
        payload.put("exercise", notice.trafficStatus() != null
                && notice.trafficStatus() != org.tcc.contracts.events.TrafficStatus.ACTUAL);
        payload.put("chainStep", trigger.step().name());
        payload.put("title", notice.title());
        payload.put("text", notice.text());
        payload.put("sourceEventId", trigger.sourceEventId());
        payload.put("sourceEventType", trigger.sourceEventType());
        if (trigger.alertId() != null) {
            payload.put("alertId", trigger.alertId());
        }
        if (trigger.consultationId() != null) {
            payload.put("consultationId", trigger.consultationId());
        }
        payload.put("createdAt", now.toString());
        if (trigger.subject() != null) {
            payload.set(trigger.subjectField(), trigger.subject());
        }
        e.payload = payload.toString();
        return e;
    }

    private static Delivery delivery(NotificationEntry entry, Recipient r, Channel channel, String target,
                                     short priority, Instant now) {
        Delivery d = new Delivery();
        d.id = UUID.randomUUID();
        d.notificationId = entry.id;
        d.sourceKey = entry.sourceKey;
        d.recipientId = r.id;
        d.recipientName = r.name;
        d.country = entry.country;
        d.channel = channel;
        d.target = target;
        d.status = DeliveryStatus.PENDING;
        d.attempts = 0;
        d.priority = priority;
        d.nextAttemptAt = now;
        d.createdAt = now;
        d.updatedAt = now;
        return d;
    }
}
