package org.tcc.ingestion.service;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tcc.contracts.events.feed.MissileLaunchReport;
import org.tcc.ingestion.repository.SensorReport;

/**
 * The most recently used stored reports, parsed, by (sensor, report) id. A stored report never changes, so an entry
 * is never stale; only committed reports are put in (a rolled-back one could come again with other content).
 */
final class ParsedReports {

    private final int capacity;
    private final LinkedHashMap<SensorReport.Key, MissileLaunchReport> entries;

    ParsedReports(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(Math.max(16, Math.min(capacity, 1 << 16)), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<SensorReport.Key, MissileLaunchReport> eldest) {
                return size() > ParsedReports.this.capacity;
            }
        };
    }

    /** The cached ones among {@code keys}. */
    synchronized Map<SensorReport.Key, MissileLaunchReport> getAll(Collection<SensorReport.Key> keys) {
        Map<SensorReport.Key, MissileLaunchReport> found = new HashMap<>();
        for (SensorReport.Key key : keys) {
            MissileLaunchReport report = entries.get(key);
            if (report != null) {
                found.put(key, report);
            }
        }
        return found;
    }

    synchronized void putAll(Map<SensorReport.Key, MissileLaunchReport> reports) {
        if (capacity > 0) {
            entries.putAll(reports);
        }
    }
}
