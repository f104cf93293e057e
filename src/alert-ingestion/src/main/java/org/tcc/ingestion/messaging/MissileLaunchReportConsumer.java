package org.tcc.ingestion.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.tcc.contracts.FeedSignature;
import org.tcc.ingestion.domain.InvalidReport;
import org.tcc.ingestion.domain.OversizedReport;
import org.tcc.ingestion.domain.ReportAuthenticity;
import org.tcc.ingestion.service.ReportIntake;
import java.time.Instant;
import java.util.List;
import org.tcc.ingestion.service.IngestionMetrics;
import org.tcc.kit.messaging.BatchConsumer;
import org.tcc.kit.messaging.BatchHandler;
import org.tcc.kit.messaging.IncomingEvent;
import org.tcc.kit.messaging.Rejected;

/**
 * Sensor reports from {@code tcc.feed.missile-launch.v1}, a polled batch at a time. A report that is unsigned,
 * forged, from an unknown sensor, for the wrong country or invalid is {@link Rejected}: it goes to the dead-letter
 * topic with its reason and the consumer carries on. Transient failures (database restarting) are retried in place.
 */
@ApplicationScoped
public class MissileLaunchReportConsumer implements BatchHandler<ReportIntake.VerifiedReport> {

    private static final Logger LOG = Logger.getLogger(MissileLaunchReportConsumer.class);

    @Inject
    ReportIntake intake;

    @Inject
    BatchConsumer consumer;

    @Inject
    IngestionMetrics metrics;

    /**
     * A polled batch: each record is verified alone (a bad one is dead-lettered alone), then the authentic ones are
     * applied in one transaction.
     */
    @Incoming("missile-launch-reports")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> batch) {
        consumer.consume(batch, this);
    }

    @Override
    public String consumerId() {
        return "alert-ingestion.missile-launch-reports";
    }

    /** Reports are deduplicated by their own (sensor, report) id, in {@link ReportIntake}. */
    @Override
    public String eventId(ReportIntake.VerifiedReport checked) {
        return null;
    }

    @Override
    public void apply(List<ReportIntake.VerifiedReport> fresh) {
        intake.applyAll(fresh);
    }

    @Override
    public ReportIntake.VerifiedReport check(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = IncomingEvent.of(record);
        try {
            if (record.value() == null) {
                metrics.rejected("empty");
                throw new Rejected("empty record");
            }
            return intake.verify(record.value(), event.header(FeedSignature.KAFKA_HEADER).orElse(null),
                    record.timestamp() > 0 ? Instant.ofEpochMilli(record.timestamp()) : Instant.now());
        } catch (ReportAuthenticity.NotAuthentic e) {
            LOG.warnf("rejected report at %s-%d@%d: %s", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
            metrics.rejected(e.failure().name());
            throw new Rejected(e.failure() + ": " + e.getMessage());
        } catch (InvalidReport e) {
            metrics.rejected("invalid");
            throw new Rejected(e.getMessage());
        } catch (OversizedReport e) {
            metrics.rejected("oversized");
            throw new Rejected(e.getMessage());
        } catch (Rejected e) {
            throw e;
        } catch (RuntimeException e) {
            metrics.rejected("unreadable");
            throw new Rejected("unreadable report: " + e.getMessage());
        }
    }
}
