package org.tcc.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final byte[] BODY = "{\"seq\":1}".getBytes(StandardCharsets.UTF_8);

    @Test
    void headerCarriesTimestampAndHmacOfTimestampDotBody() {
        // printf '1700000000.{"seq":1}' | openssl dgst -sha256 -hmac secret
        assertEquals("t=1700000000,v1=de44acd957813f3e827d17d95cf7d690ba2085a7f13db6d432fd9d5cff6fdf22",
                WebhookSignature.header("secret", 1_700_000_000L, BODY));
    }

    @Test
    void receiverAcceptsGenuineFreshRequests() {
        String header = WebhookSignature.header("secret", 1_000, BODY);
        assertTrue(WebhookSignature.verify("secret", header, BODY, 1_100, 300));
    }

    @Test
    void receiverRejectsWrongSecretTamperedBodyAndReplays() {
        String header = WebhookSignature.header("secret", 1_000, BODY);
        assertFalse(WebhookSignature.verify("other", header, BODY, 1_000, 300));
        assertFalse(WebhookSignature.verify("secret", header, "{\"seq\":2}".getBytes(StandardCharsets.UTF_8),
                1_000, 300));
        assertFalse(WebhookSignature.verify("secret", header, BODY, 1_000 + 301, 300));
        assertFalse(WebhookSignature.verify("secret", header.replace("t=1000", "t=1200"), BODY, 1_200, 300));
        assertFalse(WebhookSignature.verify("secret", "garbage", BODY, 1_000, 300));
        assertFalse(WebhookSignature.verify("secret", null, BODY, 1_000, 300));
    }
}
