package org.tcc.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A scrape of a service's Prometheus text ({@code /q/metrics} on the management interface), read as a test reads a
 * dashboard: samples by name and labels.
 */
public final class PrometheusText {

    private final Map<String, Double> samples;
    private final String text;

    private PrometheusText(String text) {
        this.text = text;
        this.samples = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            // an exemplar (the trace of one observation, with OpenTelemetry present) follows the value after " # "
            int exemplar = line.indexOf(" # ");
            if (exemplar > 0) {
                line = line.substring(0, exemplar);
            }
            int space = line.lastIndexOf(' ');
            try {
                samples.put(line.substring(0, space).strip(), Double.parseDouble(line.substring(space + 1)));
            } catch (RuntimeException e) {
                // a sample with a timestamp or an exotic value: not what these tests read
            }
        }
    }

    /** Scrapes {@code /q/metrics} of the management interface at {@code management} (its root URL). */
    public static PrometheusText scrape(URL management) {
        String url = management.getProtocol() + "://" + management.getHost() + ":" + management.getPort()
                + "/q/metrics";
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + response.statusCode());
            }
            return new PrometheusText(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("cannot scrape " + url + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The sum of the samples named {@code name} whose labels include every {@code label="value"} given (as
     * {@code "outcome=applied"}); 0 when there is none.
     */
    public double sum(String name, String... labels) {
        double total = 0;
        for (Map.Entry<String, Double> sample : samples.entrySet()) {
            String key = sample.getKey();
            int brace = key.indexOf('{');
            String sampleName = brace < 0 ? key : key.substring(0, brace);
            if (!sampleName.equals(name)) {
                continue;
            }
            boolean all = true;
            for (String label : labels) {
                int eq = label.indexOf('=');
                String wanted = label.substring(0, eq) + "=\"" + label.substring(eq + 1) + "\"";
                if (brace < 0 || !key.substring(brace).contains(wanted)) {
                    all = false;
                    break;
                }
            }
            if (all) {
                total += sample.getValue();
            }
        }
        return total;
    }

    /** Whether any sample named {@code name} exists. */
    public boolean has(String name) {
        return samples.keySet().stream().anyMatch(k -> k.equals(name) || k.startsWith(name + "{"));
    }

    public String text() {
        return text;
    }
}
