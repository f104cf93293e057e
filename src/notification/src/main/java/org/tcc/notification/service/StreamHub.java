package org.tcc.notification.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import org.tcc.contracts.Country;
import org.tcc.kit.rest.Problem;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import org.tcc.kit.observability.Tracing;
import org.tcc.kit.worker.BackgroundWorker;
import org.tcc.notification.config.NotificationConfig;
import org.tcc.notification.domain.Language;
import org.tcc.notification.repository.NotificationEntry;
import org.tcc.notification.repository.RecipientRepository;
import org.tcc.notification.repository.NotificationRepository;

/**
 * Feeds the open SSE streams from the database, the durable per-country log. Each wake-up (right after notifications
 * commit on this replica, and every {@code tcc.notification.stream.poll-interval} for those written by other
 * replicas) reads each country's new entries once, from the least advanced of its subscribers, and hands every
 * subscriber the entries after its own position without waiting for the network. A subscriber that leaves more than
 * {@code tcc.notification.stream.max-unsent} events unwritten (a slow or stalled client) is closed instead of holding
 * up the others: it resumes with {@code Last-Event-ID}, which replays exactly what it missed. A stream lives no longer
 * than the token that opened it (closed at the token's {@code exp}, after a {@code token expired} comment: the client
 * reconnects with a fresh token and {@code Last-Event-ID}), and one user holds at most
 * {@code tcc.notification.stream.max-per-user} streams at once on a replica.
 */
@ApplicationScoped
public class StreamHub {

    private static final Logger LOG = Logger.getLogger(StreamHub.class);
    private static final int BATCH = 500;

    @Inject
    NotificationRepository notifications;

    @Inject
    NotificationConfig config;

    @Inject
    NotificationMetrics metrics;

    @Inject
    Tracing tracing;

    @Inject
    RecipientRepository recipients;

    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private BackgroundWorker worker;

    private static final class Subscriber {
        final Country country;
        final String user;
        /** The opening token's expiry: the stream is closed then. */
        final Instant expiresAt;
        /** The language the subscriber reads the notices in. */
        final Language language;
        final SseEventSink sink;
        final Sse sse;
        /** The last sequence number handed to the sink. */
        long lastSeq;
        long lastSentNanos = System.nanoTime();
        /** Events handed to the sink and not yet written to the connection. */
        final AtomicInteger unsent = new AtomicInteger();
        volatile boolean failed;

        Subscriber(Country country, String user, Instant expiresAt, Language language, long lastSeq,
                   SseEventSink sink, Sse sse) {
            this.country = country;
            this.user = user;
            this.expiresAt = expiresAt;
            this.language = language;
            this.lastSeq = lastSeq;
            this.sink = sink;
            this.sse = sse;
        }
    }

    void start(@Observes StartupEvent ignored) {
        worker = BackgroundWorker.start("notification-stream", config.stream().pollInterval(), this::serveAll);
    }

    void stop(@Observes ShutdownEvent ignored) {
        worker.close();
        subscribers.forEach(s -> close(s, "shutting down"));
    }

    void onPlanned(@Observes(during = TransactionPhase.AFTER_SUCCESS) NotificationPlanner.Planned planned) {
        if (worker != null) {
            worker.wakeUp();
        }
    }

    /** The last sequence number of {@code country}'s stream: where a subscriber without Last-Event-ID starts. */
    public long current(Country country) {
        return QuarkusTransaction.requiringNew().call(() -> notifications.lastSeq(country));
    }

    /**
     * The language {@code user} of {@code country} reads the stream in: their directory entry's, else the best
     * supported match of {@code acceptLanguage}, else the country's ({@link Language#forSubscriber}).
     */
    public Language languageOf(Country country, String user, String acceptLanguage) {
        Optional<Language> chosen = QuarkusTransaction.requiringNew().call(() -> recipients.byName(country, user)
                .flatMap(r -> Language.parse(r.language)));
        return Language.forSubscriber(chosen, acceptLanguage, country);
    }

    /**
     * Sends {@code opening} (a comment), then {@code country}'s entries after {@code afterSeq} to {@code sink}, then
     * everything that follows, until {@code expiresAt}, each in {@code language}. A 429 problem, before anything is
     * written, when {@code user} already holds {@code max-per-user} open streams.
     */
    public void subscribe(Country country, String user, Instant expiresAt, Language language, long afterSeq,
                          SseEventSink sink, Sse sse, String opening) {
        synchronized (subscribers) {
            long open = subscribers.stream().filter(s -> s.user.equals(user) && !s.failed && !s.sink.isClosed())
                    .count();
            if (open >= config.stream().maxPerUser()) {
                throw Problem.tooManyRequests(user + " already holds " + open + " open notification streams (at most "
                        + config.stream().maxPerUser() + "); close one first");
            }
            sink.send(sse.newEventBuilder().comment(opening).build());
            subscribers.add(new Subscriber(country, user, expiresAt, language, afterSeq, sink, sse));
        }
        worker.wakeUp();
    }

    public int subscriberCount() {
        return subscribers.size();
    }

    /** Streams of {@code country} open on this replica. */
    public int subscriberCount(Country country) {
        int n = 0;
        for (Subscriber s : subscribers) {
            if (s.country == country) {
                n++;
            }
        }
        return n;
    }

    /** One pass over every country with subscribers; {@code true} when a country has more entries waiting. */
    private boolean serveAll() {
        Map<Country, Long> from = new EnumMap<>(Country.class);
        Instant now = Instant.now();
        for (Subscriber s : subscribers) {
            if (s.failed || s.sink.isClosed()) {
                close(s, "connection closed");
                continue;
            }
            if (!now.isBefore(s.expiresAt)) {
                try {
                    s.sink.send(s.sse.newEventBuilder().comment("token expired").build());
                } catch (RuntimeException ignored) {
                    // closing anyway
                }
                close(s, "token expired");
                continue;
            }
            from.merge(s.country, s.lastSeq, Math::min);
        }
        boolean more = false;
        for (Map.Entry<Country, Long> country : from.entrySet()) {
            List<NotificationEntry> entries = QuarkusTransaction.requiringNew().call(
                    () -> notifications.after(country.getKey(), country.getValue(), BATCH));
            more |= entries.size() == BATCH;
            for (Subscriber s : subscribers) {
                if (s.country == country.getKey()) {
                    serve(s, entries);
                }
            }
        }
        return more;
    }

    private void serve(Subscriber s, List<NotificationEntry> entries) {
        try {
            for (NotificationEntry e : entries) {
                if (e.seq <= s.lastSeq) {
                    continue;
                }
                if (s.unsent.get() >= config.stream().maxUnsent()) {
                    close(s, "more than " + config.stream().maxUnsent() + " events unwritten (slow client)");
                    return;
                }
                // the stream-write hop of the event's trace, ended once the connection has the event
                Span write = tracing.span("notification stream write", SpanKind.PRODUCER, e.traceParent);
                write.setAttribute("tcc.country", s.country.name());
                write.setAttribute("tcc.notification.seq", e.seq);
                send(s, s.sse.newEventBuilder().id(Long.toString(e.seq)).name("notification")
                        .mediaType(MediaType.APPLICATION_JSON_TYPE).data(String.class, NoticeDocuments.document(e, s.language)).build(), write);
                metrics.streamWrite(e.sourceEventType, e.sourceEventAt);
                s.lastSeq = e.seq;
            }
            if (System.nanoTime() - s.lastSentNanos > config.stream().heartbeat().toNanos()) {
                send(s, s.sse.newEventBuilder().comment("keep-alive").build(), null);
            }
        } catch (RuntimeException e) {
            close(s, e.toString());
        }
    }

    private void send(Subscriber s, jakarta.ws.rs.sse.OutboundSseEvent event, Span span) {
        s.unsent.incrementAndGet();
        s.lastSentNanos = System.nanoTime();
        s.sink.send(event).whenComplete((ok, failure) -> {
            s.unsent.decrementAndGet();
            if (failure != null) {
                s.failed = true;
            }
            if (span != null) {
                tracing.end(span, failure);
            }
        });
    }

    private void close(Subscriber s, String why) {
        if (subscribers.remove(s)) {
            LOG.debugf("closing a %s stream of %s: %s", s.country, s.user, why);
            try {
                s.sink.close();
            } catch (RuntimeException ignored) {
                // already gone
            }
        }
    }
}
