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
                : systemText(alert, alert.description(), (texts, a) -> texts.sensorDescription(a.launch()));
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
        if (!alert.affectedCountries().isEmpty()) {
            headline += text("sensor.headline.threatens", countries(alert.affectedCountries()));
        }
        return headline;
    }

    String sensorDescription(LaunchEstimate launch) {
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
        return String.join(" ", sentences);
    }

    String sensorArea(AlertState alert) {
        LaunchEstimate launch = alert.launch();
        if (launch.predictedImpactPoint() == null) {
            return text("sensor.area.noImpact", position(launch.launchPoint()));
        }
        String impact = position(launch.predictedImpactPoint());
        return alert.affectedCountries().isEmpty() ? text("sensor.area.impact.outside", impact)
                : text("sensor.area.impact.inside", impact, countries(alert.affectedCountries()));
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
