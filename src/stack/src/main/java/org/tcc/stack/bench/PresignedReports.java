package org.tcc.stack.bench;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.tcc.contracts.FeedSignature;
import org.tcc.contracts.Topics;

/**
 * Every report of one measured point, signed before the point starts, in send order: report {@code i} is sensor
 * {@code i % 3} of launch {@code i / 3}. Kept as bytes only (payload and signature, about 1 KB a report), so 150,000
 * reports fit in a modest heap; report ids are {@code <runId>-<serial>} with consecutive serials, so a report is
 * found again by its id without a map per report.
 */
public final class PresignedReports {

    private final String idPrefix;
    private final long firstSerial;
    private final byte[][] payloads;
    private final byte[][] signatures;

    PresignedReports(String runId, long firstSerial, byte[][] payloads, byte[][] signatures) {
        this.idPrefix = runId + "-";
        this.firstSerial = firstSerial;
        this.payloads = payloads;
        this.signatures = signatures;
    }

    public int size() {
        return payloads.length;
    }

    public String reportId(int i) {
        return idPrefix + (firstSerial + i);
    }

    public String sensorId(int i) {
        return SensorFeed.SENSORS[i % SensorFeed.SENSORS.length][0];
    }

    public byte[] payload(int i) {
        return payloads[i];
    }

    /** The detached compact JWS of {@link #payload}, ASCII. */
    public byte[] signature(int i) {
        return signatures[i];
    }

    /** The feed record of report {@code i}, with {@code timestamp} as its CreateTime. */
    public ProducerRecord<String, byte[]> feedRecord(int i, long timestamp) {
        return feedRecord(Topics.FEED_MISSILE_LAUNCH, i, timestamp);
    }

    /** The same record (key = sensor id, value, signature header) for {@code topic}. */
    public ProducerRecord<String, byte[]> feedRecord(String topic, int i, long timestamp) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, null, timestamp, sensorId(i), payloads[i]);
        record.headers().add(FeedSignature.KAFKA_HEADER, signatures[i]);
        return record;
    }

    /** The index of the report with this id, or -1 when it is not one of this point's. */
    public int indexOfReport(String reportId) {
        if (reportId == null || !reportId.startsWith(idPrefix)) {
            return -1;
        }
        long serial;
        try {
            serial = Long.parseLong(reportId.substring(idPrefix.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
        long i = serial - firstSerial;
        return i >= 0 && i < payloads.length ? (int) i : -1;
    }

    /** Roughly what the prepared reports hold in memory, in bytes. */
    public long approximateBytes() {
        long bytes = 0;
        for (int i = 0; i < payloads.length; i++) {
            bytes += payloads[i].length + signatures[i].length + 2 * 16;
        }
        return bytes;
    }
}
