package org.tcc.ingestion.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tcc.ingestion.domain.TestReports.JAPAN_EEZ;
import static org.tcc.ingestion.domain.TestReports.OPEN_SEA;
import static org.tcc.ingestion.domain.TestReports.PYONGYANG;
import static org.tcc.ingestion.domain.TestReports.offset;
import static org.tcc.ingestion.domain.TestReports.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tcc.contracts.Country;
import org.tcc.contracts.events.GeoPoint;
import org.tcc.contracts.events.TrafficStatus;
import org.tcc.contracts.events.alert.LaunchEstimate;
import org.tcc.contracts.events.feed.MissileClass;
import org.tcc.contracts.events.feed.MissileLaunchReport;

class LaunchFusionTest {

    private static final Instant T0 = Instant.parse("2026-11-29T03:14:07.123Z");
    private final LaunchFusion fusion = new LaunchFusion(LaunchFusion.Gates.defaults());

    /** Feeds reports one by one the way the service does; returns the sensor set of each resulting launch. */
    private List<Set<String>> fuse(List<MissileLaunchReport> reports) {
        List<LaunchFusion.TrackedLaunch> launches = new ArrayList<>();
        for (MissileLaunchReport report : reports) {
            Optional<LaunchFusion.TrackedLaunch> match = fusion.match(report, launches);
            if (match.isPresent()) {
                List<MissileLaunchReport> joined = new ArrayList<>(match.get().reports());
                joined.add(report);
                launches.set(launches.indexOf(match.get()), new LaunchFusion.TrackedLaunch(match.get().alertId(),
                        joined));
            } else {
                launches.add(new LaunchFusion.TrackedLaunch("alert-" + launches.size(), List.of(report)));
            }
        }
        return launches.stream().map(l -> l.reports().stream().map(MissileLaunchReport::sensorId)
                .collect(Collectors.toCollection(TreeSet::new))).collect(Collectors.toList());
    }

    private static List<MissileLaunchReport> oneLaunchSeenByThreeCountries() {
        return List.of(
                report("us-tpy2-kyogamisaki", Country.USA, "us-1", T0, PYONGYANG, JAPAN_EEZ),
                report("kr-greenpine-1", Country.KOR, "kr-1", T0.plusSeconds(4), offset(PYONGYANG, 0.05, -0.04),
                        offset(JAPAN_EEZ, 0.2, -0.3)),
                report("jp-fps5-sado", Country.JPN, "jp-1", T0.plusSeconds(9), offset(PYONGYANG, -0.03, 0.06),
                        offset(JAPAN_EEZ, -0.1, 0.25)));
    }

    @Test
    void threeCountriesReportingOneLaunchGiveOneLaunchInEveryOrder() {
        for (List<MissileLaunchReport> order : permutations(oneLaunchSeenByThreeCountries())) {
            assertEquals(List.of(Set.of("jp-fps5-sado", "kr-greenpine-1", "us-tpy2-kyogamisaki")), fuse(order),
                    "order " + order.stream().map(MissileLaunchReport::reportId).toList());
        }
    }

    @Test
    void estimateIsTheSameWhateverTheOrder() {
        Set<LaunchEstimate> estimates = new HashSet<>();
        for (List<MissileLaunchReport> order : permutations(oneLaunchSeenByThreeCountries())) {
            estimates.add(LaunchFusion.estimate(order));
        }
        assertEquals(1, estimates.size());
        LaunchEstimate estimate = estimates.iterator().next();
        assertEquals(List.of("jp-fps5-sado", "kr-greenpine-1", "us-tpy2-kyogamisaki"), estimate.sensors());
        assertEquals(T0, estimate.detectedAt());
        assertEquals(0.992, estimate.confidence(), 1e-9, "1 - 0.2^3");
        assertTrue(Geo.distanceKm(estimate.launchPoint(), PYONGYANG) < 10);
        assertTrue(Geo.distanceKm(estimate.predictedImpactPoint(), JAPAN_EEZ) < 30);
    }

    /** A salvo: four missiles within seconds from sites 10-20 km apart, to four different impact areas. */
    private static List<MissileLaunchReport> salvo() {
        GeoPoint[] sites = {PYONGYANG, offset(PYONGYANG, 0.1, 0.1), offset(PYONGYANG, -0.1, 0.15),
                offset(PYONGYANG, 0.15, -0.1)};
        GeoPoint[] impacts = {JAPAN_EEZ, OPEN_SEA, new GeoPoint(38.0, 131.5), new GeoPoint(42.5, 136.5)};
        String[][] sensors = {{"us-tpy2-kyogamisaki", "USA"}, {"kr-greenpine-1", "KOR"}, {"jp-fps5-sado", "JPN"}};
        List<MissileLaunchReport> reports = new ArrayList<>();
        for (int missile = 0; missile < sites.length; missile++) {
            for (int s = 0; s < sensors.length; s++) {
                reports.add(report(sensors[s][0], Country.valueOf(sensors[s][1]), "m" + missile + "-" + sensors[s][0],
                        T0.plusSeconds(missile * 3L + s), offset(sites[missile], 0.01 * s, -0.01 * s),
                        offset(impacts[missile], 0.1 * s, -0.1 * s)));
            }
        }
        return reports;
    }

    @Test
    void salvoGivesOneLaunchPerMissileInAnyOrder() {
        Random random = new Random(20231218L);
        for (int run = 0; run < 500; run++) {
            List<MissileLaunchReport> order = new ArrayList<>(salvo());
            Collections.shuffle(order, random);
            List<Set<String>> launches = fuse(order);
            assertEquals(4, launches.size(), "run " + run);
            for (Set<String> sensors : launches) {
                assertEquals(3, sensors.size(), "run " + run + ": " + launches);
            }
        }
    }

    private static final String[][] THREE_SENSORS = {{"us-tpy2-kyogamisaki", "USA"}, {"kr-greenpine-1", "KOR"},
            {"jp-fps5-sado", "JPN"}};

    /**
     * A salvo as public reporting describes them (e.g. several short-range missiles from one launch area minutes
     * apart): {@code missiles} fired from ONE site {@code gapSeconds} apart, impacts spread along a 40 km line, each
     * seen by three sensors with position noise up to 15 km and time noise up to 20 s.
     */
    private static List<MissileLaunchReport> salvoFromOneSite(int missiles, long gapSeconds, Random random) {
        List<MissileLaunchReport> reports = new ArrayList<>();
        for (int missile = 0; missile < missiles; missile++) {
            GeoPoint impact = offset(JAPAN_EEZ, 0, 0.47 * missile / Math.max(1, missiles - 1)); // ~40 km in all
            for (String[] sensor : THREE_SENSORS) {
                reports.add(report(sensor[0], Country.valueOf(sensor[1]), "m" + missile + "-" + sensor[0],
                        T0.plusSeconds(missile * gapSeconds + random.nextInt(21)), noisy(PYONGYANG, random),
                        noisy(impact, random)));
            }
        }
        return reports;
    }

    /** Up to about 15 km off, in any direction. */
    private static GeoPoint noisy(GeoPoint p, Random random) {
        double km = 15 * random.nextDouble();
        double bearing = 2 * Math.PI * random.nextDouble();
        return offset(p, km * Math.cos(bearing) / 111.2,
                km * Math.sin(bearing) / (111.2 * Math.cos(Math.toRadians(p.lat()))));
    }

    @Test
    void aSalvoFromOneSiteGivesOneAlertPerMissileShuffledAndDeliveredTwice() {
        Random random = new Random(20170829L);
        for (int run = 0; run < 300; run++) {
            int missiles = 3 + run % 4;
            List<MissileLaunchReport> order = new ArrayList<>(salvoFromOneSite(missiles, 15, random));
            order.addAll(List.copyOf(order)); // at-least-once delivery: every report twice
            Collections.shuffle(order, random);
            Set<String> seen = new HashSet<>();
            List<MissileLaunchReport> once = order.stream().filter(r -> seen.add(r.sensorId() + "/" + r.reportId()))
                    .toList(); // what the service's (sensor, report id) deduplication leaves
            List<Set<String>> launches = fuse(once);
            assertEquals(missiles, launches.size(), "run " + run + ": one alert per missile, none swallowed");
            for (Set<String> sensors : launches) {
                assertEquals(3, sensors.size(), "run " + run + ": each missile seen by its three sensors");
            }
        }
    }

    @Test
    void aSensorsSecondReportThatRefinesNothingIsAnotherMissileNeverASupersedingOne() {
        MissileLaunchReport first = report("kr-greenpine-1", Country.KOR, "kr-1", T0, PYONGYANG, JAPAN_EEZ);
        MissileLaunchReport next = report("kr-greenpine-1", Country.KOR, "kr-2", T0.plusSeconds(15), PYONGYANG,
                offset(JAPAN_EEZ, 0.05, 0.2));
        assertEquals(List.of(Set.of("kr-greenpine-1"), Set.of("kr-greenpine-1")), fuse(List.of(first, next)),
                "same site, close impact, same sensor: the second missile of a salvo");
    }

    @Test
    void theSameSensorTrackRefinesItsLaunchWithoutNamingAReport() {
        MissileLaunchReport first = report("jp-fps5-sado", Country.JPN, "jp-1", T0, PYONGYANG, JAPAN_EEZ)
                .onTrack("T-0417");
        MissileLaunchReport refined = report("jp-fps5-sado", Country.JPN, "jp-2", T0.plusSeconds(40), PYONGYANG,
                OPEN_SEA).onTrack("T-0417");
        MissileLaunchReport otherTrack = report("jp-fps5-sado", Country.JPN, "jp-3", T0.plusSeconds(41), PYONGYANG,
                offset(OPEN_SEA, 0.1, 0.1)).onTrack("T-0418");
        List<MissileLaunchReport> reports = List.of(first, refined, otherTrack);
        assertEquals(List.of(Set.of("jp-fps5-sado"), Set.of("jp-fps5-sado")), fuse(reports));
        assertEquals(OPEN_SEA, LaunchFusion.estimate(List.of(first, refined)).predictedImpactPoint(),
                "the track's newest report is its live one");
        MissileLaunchReport otherSensorSameNumber = report("us-tpy2-kyogamisaki", Country.USA, "us-1",
                T0.plusSeconds(2), PYONGYANG, JAPAN_EEZ).onTrack("T-0417");
        assertEquals(List.of(Set.of("jp-fps5-sado", "us-tpy2-kyogamisaki")), fuse(List.of(first,
                otherSensorSameNumber)), "a track number is the sensor's own: another sensor fuses by the gates");
    }

    @Test
    void twoMissilesOnCrossingTracksFromNearbySitesStayTwo() {
        // launched 30 km apart within seconds, flying across each other's path: the tracks cross mid-flight and the
        // impacts lie within the impact gate of each other
        GeoPoint westSite = PYONGYANG;
        GeoPoint eastSite = offset(PYONGYANG, 0, 0.35);
        GeoPoint westImpact = offset(JAPAN_EEZ, 0.3, 0.6);
        GeoPoint eastImpact = offset(JAPAN_EEZ, -0.3, -0.6);
        List<MissileLaunchReport> reports = new ArrayList<>();
        for (String[] sensor : THREE_SENSORS) {
            reports.add(report(sensor[0], Country.valueOf(sensor[1]), "w-" + sensor[0], T0, westSite, westImpact));
            reports.add(report(sensor[0], Country.valueOf(sensor[1]), "e-" + sensor[0], T0.plusSeconds(4), eastSite,
                    eastImpact));
        }
        Random random = new Random(7);
        for (int run = 0; run < 200; run++) {
            List<MissileLaunchReport> order = new ArrayList<>(reports);
            Collections.shuffle(order, random);
            List<Set<String>> launches = fuse(order);
            assertEquals(2, launches.size(), "run " + run);
            for (Set<String> sensors : launches) {
                assertEquals(3, sensors.size(), "run " + run);
            }
        }
    }

    @Test
    void everyOrderOfATwoMissileSalvoSeenByTwoSensors() {
        List<MissileLaunchReport> reports = List.of(
                report("us-tpy2-kyogamisaki", Country.USA, "a-us", T0, PYONGYANG, JAPAN_EEZ),
                report("jp-fps5-sado", Country.JPN, "a-jp", T0.plusSeconds(2), PYONGYANG, offset(JAPAN_EEZ, 0.1, 0.1)),
                report("us-tpy2-kyogamisaki", Country.USA, "b-us", T0.plusSeconds(5), offset(PYONGYANG, 0.1, 0.1),
                        OPEN_SEA),
                report("jp-fps5-sado", Country.JPN, "b-jp", T0.plusSeconds(6), offset(PYONGYANG, 0.1, 0.1),
                        offset(OPEN_SEA, -0.1, 0.1)));
        for (List<MissileLaunchReport> order : permutations(reports)) {
            List<Set<String>> launches = fuse(order);
            assertEquals(2, launches.size());
            assertEquals(List.of(Set.of("jp-fps5-sado", "us-tpy2-kyogamisaki"),
                    Set.of("jp-fps5-sado", "us-tpy2-kyogamisaki")), launches);
        }
    }

    @Test
    void reportsOutsideTheWindowOrTooFarApartAreSeparateLaunches() {
        assertEquals(2, fuse(List.of(
                report("us-tpy2-kyogamisaki", Country.USA, "1", T0, PYONGYANG, JAPAN_EEZ),
                report("jp-fps5-sado", Country.JPN, "2", T0.plus(Duration.ofSeconds(121)), PYONGYANG, JAPAN_EEZ)))
                .size());
        assertEquals(2, fuse(List.of(
                report("us-tpy2-kyogamisaki", Country.USA, "1", T0, PYONGYANG, null),
                report("jp-fps5-sado", Country.JPN, "2", T0.plusSeconds(3), offset(PYONGYANG, 0.6, 0.0), null)))
                .size(), "66 km apart");
        assertEquals(1, fuse(List.of(
                report("us-tpy2-kyogamisaki", Country.USA, "1", T0, PYONGYANG, null),
                report("jp-fps5-sado", Country.JPN, "2", T0.plusSeconds(3), offset(PYONGYANG, 0.3, 0.0), JAPAN_EEZ)))
                .size(), "33 km apart, no impact clue to tell them apart");
    }

    @Test
    void anExerciseNeverMergesWithARealLaunch() {
        assertEquals(2, fuse(List.of(
                report("us-tpy2-kyogamisaki", Country.USA, "1", T0, PYONGYANG, JAPAN_EEZ),
                report("jp-fps5-sado", Country.JPN, "2", T0.plusSeconds(1), PYONGYANG, JAPAN_EEZ, MissileClass.ICBM,
                        0.9, TrafficStatus.EXERCISE, null))).size());
    }

    @Test
    void aSensorsCorrectionSupersedesItsEarlierReport() {
        MissileLaunchReport first = report("jp-fps5-sado", Country.JPN, "jp-1", T0, PYONGYANG, JAPAN_EEZ);
        MissileLaunchReport correction = report("jp-fps5-sado", Country.JPN, "jp-2", T0.plusSeconds(30), PYONGYANG,
                OPEN_SEA).correcting("jp-1");
        LaunchEstimate estimate = LaunchFusion.estimate(List.of(first, correction));
        assertEquals(OPEN_SEA, estimate.predictedImpactPoint());
        assertEquals(List.of("jp-fps5-sado"), estimate.sensors());
        assertEquals(0.8, estimate.confidence(), 1e-9);
        assertEquals(T0, estimate.detectedAt());
    }

    @Test
    void aCorrectionWithAFarImpactJoinsTheLaunchItCorrects() {
        MissileLaunchReport first = report("jp-fps5-sado", Country.JPN, "jp-1", T0, PYONGYANG, JAPAN_EEZ);
        MissileLaunchReport correction = report("jp-fps5-sado", Country.JPN, "jp-2", T0.plusSeconds(20), PYONGYANG,
                OPEN_SEA).correcting("jp-1");
        MissileLaunchReport otherMissile = report("jp-fps5-sado", Country.JPN, "jp-3", T0, PYONGYANG, OPEN_SEA);
        assertEquals(List.of(Set.of("jp-fps5-sado")), fuse(List.of(first, correction)));
        assertEquals(OPEN_SEA, LaunchFusion.estimate(List.of(first, correction)).predictedImpactPoint());
        assertEquals(2, fuse(List.of(first, otherMissile)).size(), "same sensor, same moment, another missile");
        MissileLaunchReport foreignCorrection = report("kr-greenpine-1", Country.KOR, "kr-9", T0, PYONGYANG,
                OPEN_SEA).correcting("jp-1");
        assertEquals(2, fuse(List.of(first, foreignCorrection)).size(), "only a sensor corrects its own report");
    }

    @Test
    void mostConfidentSpecificClassWins() {
        LaunchEstimate estimate = LaunchFusion.estimate(List.of(
                report("us-tpy2-kyogamisaki", Country.USA, "1", T0, PYONGYANG, null, MissileClass.UNKNOWN, 0.99,
                        TrafficStatus.ACTUAL, null),
                report("kr-greenpine-1", Country.KOR, "2", T0, PYONGYANG, null, MissileClass.IRBM, 0.6,
                        TrafficStatus.ACTUAL, null),
                report("jp-fps5-sado", Country.JPN, "3", T0, PYONGYANG, null, MissileClass.ICBM, 0.7,
                        TrafficStatus.ACTUAL, null)));
        assertEquals(MissileClass.ICBM, estimate.missileClass());
        assertEquals(null, estimate.predictedImpactPoint());
    }

    static <T> List<List<T>> permutations(List<T> items) {
        if (items.size() <= 1) {
            return List.of(items);
        }
        List<List<T>> all = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<T> rest = new ArrayList<>(items);
            T head = rest.remove(i);
            for (List<T> tail : permutations(rest)) {
                List<T> order = new ArrayList<>();
                order.add(head);
                order.addAll(tail);
                all.add(order);
            }
        }
        return all;
    }
}
