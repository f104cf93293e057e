package org.tcc.notification.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.tcc.contracts.Country;
import org.tcc.contracts.Json;
import org.tcc.contracts.events.notification.Channel;
import org.tcc.contracts.events.notification.DeliveryStatus;
import org.tcc.kit.messaging.BatchConsumer;
import org.tcc.notification.config.NotificationConfig;
import org.tcc.notification.domain.Audience;
import org.tcc.notification.domain.ChainStep;
import org.tcc.notification.domain.Coalescing;
import org.tcc.notification.domain.Notice;
import org.tcc.notification.repository.Delivery;
import org.tcc.notification.repository.DeliveryRepository;
import org.tcc.notification.repository.NotificationEntry;
import org.tcc.notification.repository.NotificationRepository;
import org.tcc.notification.repository.Recipient;
import org.tcc.notification.repository.RecipientRepository;

/**
 * Turns a batch of triggers into notifications, set-wise, in the caller's transaction: per trigger and country one
 * stream entry with the country's next sequence number, and per recipient the e-mail and webhook deliveries that
 * {@link Coalescing} asks for. The live stream needs no delivery row: the stream entry is the durable, replayable
 * log. A (country, source) already notified is skipped, so replays plan nothing twice (the unique constraints back
 * this up).
 *
 * <p>Cost per batch, whatever its size: one statement locks the streams of the countries it touches (in the one
 * order every planner uses, so planners cannot deadlock), one reads which (country, source) exist, one reads the
 * active recipients, one the latest deliveries of the batch's alerts; then the inserts go in JDBC batches and one
 * update per touched stream.
 */
@ApplicationScoped
public class NotificationPlanner {

    /** Fired in the planning transaction; stream and delivery workers wake up once it has committed. */
    public record Planned(int entries, boolean deliveries) {
    }

    @Inject
    RecipientRepository recipients;

    @Inject
    NotificationRepository notifications;

    @Inject
    DeliveryRepository deliveries;

    @Inject
    NotificationConfig config;

    @Inject
    Event<Planned> planned;

    /** Plans one trigger; returns how many countries got a new notification. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int plan(Trigger trigger) {
        return plan(List.of(trigger));
    }

    /** Plans the triggers in order; returns how many stream entries were written. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int plan(List<Trigger> triggers) {
        Set<Country> touched = EnumSet.noneOf(Country.class);
        Set<String> sourceKeys = new HashSet<>();
        Set<String> alertIds = new HashSet<>();
        for (Trigger t : triggers) {
            touched.addAll(t.countries());
            sourceKeys.add(t.sourceKey());
            if (t.digest() != null && t.alertId() != null) {
                alertIds.add(t.alertId());
            }
        }
        if (touched.isEmpty()) {
            return 0;
        }
        Instant now = Instant.now();
        Map<Country, Long> last = notifications.lockStreams(touched);
        Set<String> notified = notifications.notified(touched, sourceKeys);
        Map<Country, Map<ChainStep, List<Recipient>>> directory = recipients.activeByCountryAndStep(touched);
        Map<String, Delivery> latest = deliveries.latestOfAlerts(alertIds);
        Map<Country, Long> advanced = new EnumMap<>(Country.class);
        Set<UUID> fresh = new HashSet<>();
        int entries = 0;
        boolean anyDelivery = false;
        for (Trigger trigger : triggers) {
            String body = null;
            for (Country country : trigger.countries()) {
                List<Recipient> targets = directory.getOrDefault(country, Map.of()).getOrDefault(trigger.step(),
                        List.of());
                if (targets.isEmpty() || !notified.add(country + "/" + trigger.sourceKey())) {
                    continue;
                }
                long seq = advanced.getOrDefault(country, last.get(country)) + 1;
                advanced.put(country, seq);
                if (body == null) {
                    body = body(trigger, now);
                }
                NotificationEntry entry = entry(trigger, country, seq, now, body);
                NoticeDocuments.Texts texts = NoticeDocuments.texts(trigger.notice(), country);
                entry.texts = texts.json();
                entry.title = texts.englishTitle();
                notifications.persist(entry);
                entries++;
                short priority = (short) Audience.priority(country, trigger.affected());
                for (Recipient r : targets) {
                    if (r.email != null && !r.email.isBlank()) {
                        anyDelivery |= deliver(trigger, entry, r, Channel.EMAIL, r.email, priority, latest, fresh,
                                now);
                    }
                    if (r.webhookUrl != null && !r.webhookUrl.isBlank()) {
                        anyDelivery |= deliver(trigger, entry, r, Channel.WEBHOOK, r.webhookUrl, priority, latest,
                                fresh, now);
                    }
                }
            }
        }
        advanced.forEach(notifications::advanceStream);
        if (entries > 0) {
            planned.fire(new Planned(entries, anyDelivery));
        }
        return entries;
    }

    /** Adds or refreshes the delivery of {@code entry} to {@code r} on {@code channel}; true if one is due. */
    private boolean deliver(Trigger trigger, NotificationEntry entry, Recipient r, Channel channel, String target,
                            short priority, Map<String, Delivery> latest, Set<UUID> planned, Instant now) {
        boolean coalesced = trigger.digest() != null && trigger.alertId() != null;
        String key = DeliveryRepository.coalescingKey(trigger.alertId(), r.id, channel);
        Delivery previous = coalesced ? latest.get(key) : null;
        Coalescing.Decision decision = coalesced
                ? Coalescing.decide(previous == null ? null : new Coalescing.Previous(
                        previous.status == DeliveryStatus.PENDING && previous.attempts == 0, previous.digest,
                        previous.sentAt != null ? previous.sentAt : previous.updatedAt),
                        trigger.digest(), now, config.delivery().coalesceInterval())
                : new Coalescing.SendAt(now);
        if (decision instanceof Coalescing.Skip) {
            return false;
        }
        if (decision instanceof Coalescing.Replace) {
            if (planned.contains(previous.id)) {
                // planned by this batch: nobody else can see it yet
                previous.notificationId = entry.id;
                previous.sourceKey = entry.sourceKey;
                previous.digest = trigger.digest();
                previous.target = target;
                previous.language = r.language;
                previous.priority = (short) Math.min(previous.priority, priority);
                previous.updatedAt = now;
                return true;
            }
            if (deliveries.replaceWaiting(previous.id, entry.id, entry.sourceKey, trigger.digest(), target, priority,
                    r.language, now)) {
                return true;
            }
            // a worker claimed it meanwhile: it is on its way with the older version, so decide as for a sent one
            decision = Coalescing.decide(new Coalescing.Previous(false, previous.digest, now), trigger.digest(), now,
                    config.delivery().coalesceInterval());
            if (decision instanceof Coalescing.Skip) {
                return false;
            }
        }
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
        d.nextAttemptAt = ((Coalescing.SendAt) decision).due();
        d.createdAt = now;
        d.updatedAt = now;
        d.alertId = coalesced ? trigger.alertId() : null;
        d.digest = trigger.digest();
        d.language = r.language;
        deliveries.persist(d);
        planned.add(d.id);
        if (coalesced) {
            latest.put(key, d);
        }
        return true;
    }

    private static NotificationEntry entry(Trigger trigger, Country country, long seq, Instant now, String body) {
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
        e.createdAt = now;
        // the consumed event's trace and broker time (looked up in the batch being applied, no query); a trigger no
        // consumed event caused (an escalation step) brings its own
        e.traceParent = trigger.traceParent() != null ? trigger.traceParent()
                : BatchConsumer.traceparentOf(trigger.sourceEventId());
        e.sourceEventAt = BatchConsumer.publishedAtOf(trigger.sourceEventId());
        // the document every channel sends: its own seq and country, then what all countries share (each channel
        // inserts its reader's language, title and text after the head, NoticeDocuments)
        e.payload = head(seq, country) + body;
        return e;
    }

    /** How every entry's document starts: {@code {"seq":42,"country":"JPN",}. */
    static String head(long seq, Country country) {
        return "{\"seq\":" + seq + ",\"country\":\"" + country.name() + "\",";
    }

    /** The part of the notification document all countries share, serialised once per trigger: {@code "kind":…}}. */
    private static String body(Trigger trigger, Instant now) {
        Notice notice = trigger.notice();
        ObjectNode payload = Json.mapper().createObjectNode();
        payload.put("kind", notice.kind().name());
        payload.put("trafficStatus", notice.trafficStatus() == null ? null : notice.trafficStatus().name());
        payload.put("label", Notice.label(notice.trafficStatus()));
        payload.put("exercise", Notice.isPractice(notice.trafficStatus()));
        payload.put("chainStep", trigger.step().name());
        payload.put("sourceEventId", trigger.sourceEventId());
        payload.put("sourceEventType", trigger.sourceEventType());
        if (trigger.alertId() != null) {
            payload.put("alertId", trigger.alertId());
        }
        if (trigger.consultationId() != null) {
            payload.put("consultationId", trigger.consultationId());
        }
        payload.put("createdAt", now.toString());
        String shared = payload.toString().substring(1);
        if (trigger.subject() == null) {
            return shared;
        }
        // the subject (the event as received) goes in verbatim: it is valid JSON, checked against its schema
        return shared.substring(0, shared.length() - 1) + ",\"" + trigger.subjectField() + "\":" + trigger.subject()
                + "}";
    }
}
