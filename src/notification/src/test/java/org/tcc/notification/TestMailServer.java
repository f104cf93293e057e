package org.tcc.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** A real SMTP server (GreenMail) in the test JVM; the service under test sends its e-mails to it. */
@QuarkusTestResource(TestMailServer.Resource.class)
public final class TestMailServer {

    private static GreenMail greenMail;

    private TestMailServer() {
    }

    /** One received e-mail, read. */
    public record Received(List<String> to, String subject, String text, MimeMessage message) {
    }

    public static synchronized List<Received> received(Predicate<Received> match) {
        return Arrays.stream(greenMail.getReceivedMessages()).map(TestMailServer::read).filter(match).toList();
    }

    private static Received read(MimeMessage m) {
        try {
            List<String> to = Arrays.stream(m.getAllRecipients()).map(Address::toString).toList();
            Object content = m.getContent();
            return new Received(to, m.getSubject(), content == null ? "" : content.toString(), m);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static class Resource implements QuarkusTestResourceLifecycleManager {

        @Override
        public Map<String, String> start() {
            synchronized (TestMailServer.class) {
                if (greenMail == null) {
                    greenMail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
                    greenMail.start();
                }
            }
            return Map.of("quarkus.mailer.host", "127.0.0.1",
                    "quarkus.mailer.port", String.valueOf(greenMail.getSmtp().getPort()),
                    "quarkus.mailer.mock", "false",
                    "quarkus.mailer.start-tls", "DISABLED");
        }

        @Override
        public void stop() {
            synchronized (TestMailServer.class) {
                if (greenMail != null) {
                    greenMail.stop();
                    greenMail = null;
                }
            }
        }

        private static int freePort() {
            try (ServerSocket s = new ServerSocket(0)) {
                return s.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
