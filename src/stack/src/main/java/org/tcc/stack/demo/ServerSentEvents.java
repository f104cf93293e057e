package org.tcc.stack.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

/** Reads a {@code text/event-stream} body: each event's id (null when it has none) and data, until it ends. */
public final class ServerSentEvents {

    private ServerSentEvents() {
    }

    public static void read(InputStream body, BooleanSupplier open, BiConsumer<String, String> onEvent)
            throws IOException {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String id = null;
            StringBuilder data = new StringBuilder();
            for (String line; open.getAsBoolean() && (line = lines.readLine()) != null; ) {
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        onEvent.accept(id, data.toString());
                    }
                    id = null;
                    data.setLength(0);
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).trim());
                }
            }
        }
    }
}
