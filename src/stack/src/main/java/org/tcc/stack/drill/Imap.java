package org.tcc.stack.drill;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Just enough IMAP (RFC 3501) to count the e-mails in one mailbox of the local mail server by their
 * {@code X-TCC-Delivery-Id} header: LOGIN, SELECT INBOX, FETCH of that one header field for every message.
 */
final class Imap {

    private static final String HEADER = "x-tcc-delivery-id:";

    private Imap() {
    }

    /** Adds, per delivery id, how many messages in {@code user}'s inbox carry it; returns the inbox's size. */
    static int countDeliveries(int port, String user, Map<String, Integer> copies) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(120_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.ISO_8859_1));
            OutputStream out = socket.getOutputStream();
            in.readLine(); // greeting
            command(in, out, "a1", "LOGIN \"" + user + "\" \"drill\"", null);
            int[] exists = {0};
            String selected = command(in, out, "a2", "SELECT INBOX", line -> {
                if (line.startsWith("* ") && line.endsWith(" EXISTS")) {
                    exists[0] = Integer.parseInt(line.substring(2, line.length() - " EXISTS".length()).trim());
                }
            });
            if (!selected.startsWith("OK") || exists[0] == 0) {
                return 0;
            }
            command(in, out, "a3", "FETCH 1:* (BODY.PEEK[HEADER.FIELDS (X-TCC-DELIVERY-ID)])", line -> {
                if (line.toLowerCase(Locale.ROOT).startsWith(HEADER)) {
                    copies.merge(line.substring(HEADER.length()).trim(), 1, Integer::sum);
                }
            });
            command(in, out, "a4", "LOGOUT", null);
            return exists[0];
        }
    }

    /** Sends one tagged command; passes every untagged line to {@code lines}; returns the tagged status. */
    private static String command(BufferedReader in, OutputStream out, String tag, String command,
                                  java.util.function.Consumer<String> lines) throws IOException {
        out.write((tag + " " + command + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        for (String line; (line = in.readLine()) != null; ) {
            if (line.startsWith(tag + " ")) {
                return line.substring(tag.length() + 1);
            }
            if (lines != null) {
                lines.accept(line);
            }
        }
        throw new IOException("IMAP connection closed during " + command);
    }
}
