package org.tcc.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.tcc.stack.infra.Processes;

/** Polls a Quarkus health endpoint until it reports UP. */
public final class Health {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Health() {
    }

    public static boolean isUp(String url) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static void awaitUp(String url, long pid, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!isUp(url)) {
            if (!Processes.isAlive(pid)) {
                throw new IllegalStateException("process " + pid + " exited before " + url + " was UP");
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(url + " not UP after " + timeout);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
