package org.tcc.stack.infra;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The local stack's mail server: GreenMail in the launcher JVM, a real SMTP server (default port 3025) that the
 * notification service sends its e-mails to, and an IMAP server (3143) to read them with any mail client — log in as
 * the recipient's address (e.g. {@code jp-liaison@tcc.local}) with any password. Mail lives in memory only.
 */
public final class MailServer implements AutoCloseable {

    public static final int DEFAULT_SMTP_PORT = 3025;
    public static final int DEFAULT_IMAP_PORT = 3143;

    private final GreenMail greenMail;

    private MailServer(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    /** Starts SMTP on {@code smtpPort} and IMAP on {@code imapPort}, both bound to localhost. */
    public static MailServer start(int smtpPort, int imapPort) {
        GreenMail greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)})
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
        return new MailServer(greenMail);
    }

    /** Starts on the default ports (SMTP 3025, IMAP 3143). */
    public static MailServer start() {
        return start(DEFAULT_SMTP_PORT, DEFAULT_IMAP_PORT);
    }

    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    /** How many messages have arrived so far. */
    public int received() {
        return greenMail.getReceivedMessages().length;
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
