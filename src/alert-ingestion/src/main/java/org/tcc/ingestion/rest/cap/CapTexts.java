package org.tcc.ingestion.rest.cap;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.stream.Collectors;
import org.tcc.contracts.Country;
import org.tcc.contracts.events.GeoPoint;
import org.tcc.contracts.events.TrafficStatus;
import org.tcc.contracts.events.alert.AlertOrigin;
import org.tcc.contracts.events.alert.AlertState;
import org.tcc.contracts.events.alert.AlertType;
import org.tcc.contracts.events.alert.LaunchEstimate;
import org.tcc.contracts.events.alert.Region;
import org.tcc.contracts.events.alert.Threat;
import org.tcc.contracts.events.alert.ThreatKind;
import org.tcc.ingestion.domain.ThreatArea;

/**
 * The system's own words in one CAP language, from the {@code messages/cap*.properties} bundles (UTF-8):
 * event names, regions, countries, sender and audience, area descriptions, and the headline, description and
 * area of a sensor alert rendered from its structured fields. Text a person wrote is never translated: a sensor
 * alert's stored text counts as the system's only while it is still exactly the English rendering.
 */
final class CapTexts {

    /** The languages of an export, one {@code <info>} each, in this order. */
    static final List<Locale> LANGUAGES = List.of(Locale.US, Locale.KOREA, Locale.JAPAN);

    private static final CapTexts ENGLISH = new CapTexts(Locale.US);

    private final Locale locale;
    private final ResourceBundle bundle;

    CapTexts(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle("messages.cap", locale, CapTexts.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** {@code en-US}, {@code ko-KR}, {@code ja-JP}. */
    String language() {
        return locale.toLanguageTag();
    }

    String event(AlertType type) {
        return text("event." + type.name());
    }

    String region(Region region) {
        return text("region." + region.name());
    }

    String senderName(Country country) {
        return text("senderName", text("country." + country.name()));
    }

    String audience() {
        return text("audience");
    }

    String launchArea(GeoPoint point) {
        return text("area.launch", position(point));
    }

    String impactArea(GeoPoint point) {
        return text("area.impact", position(point));
    }

    String affectedArea(List<Country> countries) {
        return text("area.affected", countries(countries));
    }

    /** The alert's headline in this language: rendered if it is the system's, else as written. */
    String headline(AlertState alert) {
        return systemText(alert, alert.headline(), CapTexts::sensorHeadline);
    }

    String description(AlertState alert) {
        return alert.description() == null ? null
                : systemText(alert, alert.description(), CapTexts::sensorDescription);
    }

    String areaDesc(AlertState alert) {
        if (alert.areaDesc() == null) {
            return region(alert.region());
        }
        return systemText(alert, alert.areaDesc(), CapTexts::sensorArea);
    }

    private String systemText(AlertState alert, String stored,
                              java.util.function.BiFunction<CapTexts, AlertState, String> render) {
        if (alert.origin() != AlertOrigin.SENSOR || alert.launch() == null
                || !stored.equals(render.apply(ENGLISH, alert))) {
            return stored;
        }
        return render.apply(this, alert);
    }

    String sensorHeadline(AlertState alert) {
        LaunchEstimate launch = alert.launch();
        String prefix = alert.status() == TrafficStatus.ACTUAL ? "" : "[" + text("status." + alert.status().name())
                + "] ";
        String headline = prefix + text("sensor.headline", text("missileClass." + launch.missileClass().name()),
                position(launch.launchPoint()));
        if (alert.threats() == null) {
            if (!alert.affectedCountries().isEmpty()) {
                headline += text("sensor.headline.threatens", countries(alert.affectedCountries()));
            }
            return headline;
        }
        List<Threat> impact = impact(alert);
        if (!impact.isEmpty()) {
            headline += text(impact.stream().anyMatch(Threat::disputed) ? "sensor.headline.threatens.disputed"
                    : "sensor.headline.threatens", countries(impact.stream().map(Threat::country).distinct().toList()));
        }
        List<Threat> over = overflight(alert);
        if (!over.isEmpty()) {
            headline += text("sensor.headline.overflies", countries(over.stream().map(Threat::country).distinct()
                    .toList()));
        }
        return headline;
    }

    String sensorDescription(AlertState alert) {
        LaunchEstimate launch = alert.launch();
        List<String> sentences = new ArrayList<>();
        sentences.add(text("sensor.description", String.valueOf(launch.sensors().size()),
                String.join(", ", launch.sensors()), String.valueOf(launch.confidence())));
        if (launch.apogeeKm() != null) {
            sentences.add(text("sensor.description.apogee", String.valueOf(launch.apogeeKm())));
        }
        if (launch.rangeKm() != null) {
            sentences.add(text("sensor.description.range", String.valueOf(launch.rangeKm())));
        }
        if (launch.flightTimeSeconds() != null) {
            sentences.add(text("sensor.description.flightTime", String.valueOf(launch.flightTimeSeconds())));
        }
        List<Threat> over = alert.threats() == null ? List.of() : overflight(alert);
        if (!over.isEmpty()) {
            sentences.add(text("sensor.description.overflight",
                    countries(over.stream().map(Threat::country).distinct().toList())));
        }
        return String.join(" ", sentences);
    }

    String sensorArea(AlertState alert) {
        if (alert.threats() != null) {
            return threatArea(alert);
        }
        LaunchEstimate launch = alert.launch();
        if (launch.predictedImpactPoint() == null) {
            return text("sensor.area.noImpact", position(launch.launchPoint()));
        }
        String impact = position(launch.predictedImpactPoint());
        return alert.affectedCountries().isEmpty() ? text("sensor.area.impact.outside", impact)
                : text("sensor.area.impact.inside", impact, countries(alert.affectedCountries()));
    }

    /**
     * The area of a sensor alert that names its threats (the zones, each with the countries it concerns; a
     * disputed one says so and lists every claimant, alphabetically), as {@code SensorAlerts} writes it in English.
     * Zone names are the zone file's, in every language.
     */
    private String threatArea(AlertState alert) {
        LaunchEstimate launch = alert.launch();
        String text;
        if (launch.predictedImpactPoint() == null) {
            text = text("sensor.area.noImpact", position(launch.launchPoint()));
        } else {
            List<Threat> impact = impact(alert);
            String at = position(launch.predictedImpactPoint());
            text = impact.isEmpty() ? text("sensor.area.impact.outside", at)
                    : text("sensor.area.impact.in", at, zones(impact));
        }
        List<Threat> over = overflight(alert);
        if (!over.isEmpty()) {
            text += text("sensor.area.overflight", zones(over));
        }
        return text.length() <= 1000 ? text : text.substring(0, 999) + "…";
    }

    private String zones(List<Threat> threats) {
        return String.join(text("sensor.area.zones.separator"), ThreatArea.of(threats).stream().map(t ->
                t.disputed() ? text("sensor.area.zone.disputed", t.area(), String.join(", ", t.claimants()),
                        countries(t.countries()))
                        : text("sensor.area.zone", t.area(), countries(t.countries()))).toList());
    }

    private static List<Threat> impact(AlertState alert) {
        return alert.threats().stream().filter(t -> t.kind() != ThreatKind.OVERFLIGHT).toList();
    }

    private static List<Threat> overflight(AlertState alert) {
        return alert.threats().stream().filter(t -> t.kind() == ThreatKind.OVERFLIGHT).toList();
    }

    private String position(GeoPoint p) {
        String lat = text(p.lat() >= 0 ? "position.lat.N" : "position.lat.S",
                String.format(Locale.ROOT, "%.2f", Math.abs(p.lat())));
        String lon = text(p.lon() >= 0 ? "position.lon.E" : "position.lon.W",
                String.format(Locale.ROOT, "%.2f", Math.abs(p.lon())));
        return text("position", lat, lon);
    }

    private String countries(List<Country> countries) {
        return countries.stream().sorted().map(c -> text("country." + c.name()))
                .collect(Collectors.joining(text("countries.separator")));
    }

    private String text(String key, String... arguments) {
        String pattern = bundle.getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, Locale.ROOT).format(arguments);
    }
}
