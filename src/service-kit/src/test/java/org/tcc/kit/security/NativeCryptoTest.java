package org.tcc.kit.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.FileInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManagerFactory;
import org.apache.kafka.common.security.scram.internals.ScramFormatter;
import org.apache.kafka.common.security.scram.internals.ScramMechanism;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The native provider comes first and serves what the Kafka clients' SCRAM login and TLS use, with the same results
 * as the JDK's; a TLS 1.3 connection (SunJSSE over the native primitives) still handshakes and carries data.
 */
class NativeCryptoTest {

    private static Provider accp;

    @BeforeAll
    static void install() {
        accp = NativeCrypto.installFirst();
        assertNotNull(accp, "the native provider loads on the build machine (linux-x86_64)");
    }

    @Test
    void theNativeProviderIsPreferredOnceInstalled() throws Exception {
        assertSame(accp, NativeCrypto.installFirst(), "installing twice keeps one instance, first");
        assertSame(accp, Security.getProviders()[0]);
        assertEquals(1, java.util.Arrays.stream(Security.getProviders()).filter(p -> p == accp).count());
        assertSame(accp, Mac.getInstance("HmacSHA512").getProvider(), "SCRAM-SHA-512's HMAC");
        assertSame(accp, Cipher.getInstance("AES/GCM/NoPadding").getProvider(), "TLS records' AEAD");
        assertSame(accp, java.security.Signature.getInstance("SHA256withRSA").getProvider(), "RS256 bearer tokens");
    }

    @Test
    void scramSaltedPasswordIsTheSameAsTheJdks() throws Exception {
        byte[] salt = "a-salt-of-sixteen".getBytes(StandardCharsets.US_ASCII);
        byte[] password = "the-service-password".getBytes(StandardCharsets.UTF_8);
        byte[] nativeHi = new ScramFormatter(ScramMechanism.SCRAM_SHA_512).hi(password, salt, 4096);
        // the same PBKDF2 over the JDK's HMAC, computed here without the provider list
        Mac jdk = Mac.getInstance("HmacSHA512", "SunJCE");
        jdk.init(new SecretKeySpec(password, "HmacSHA512"));
        jdk.update(salt);
        byte[] u = jdk.doFinal(new byte[] {0, 0, 0, 1});
        byte[] result = u.clone();
        for (int i = 1; i < 4096; i++) {
            u = jdk.doFinal(u);
            for (int j = 0; j < result.length; j++) {
                result[j] ^= u[j];
            }
        }
        assertArrayEquals(result, nativeHi);
    }

    @Test
    void tls13HandshakesAndCarriesDataOverTheNativePrimitives(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("broker.p12");
        char[] secret = "changeit".toCharArray();
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "broker", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "changeit")
                .redirectErrorStream(true).start();
        assertEquals(0, keytool.waitFor(), new String(keytool.getInputStream().readAllBytes()));
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(store.toFile())) {
            keys.load(in, secret);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, secret);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(keys);
        SSLContext server = SSLContext.getInstance("TLSv1.3");
        server.init(kmf.getKeyManagers(), null, null);
        SSLContext client = SSLContext.getInstance("TLSv1.3");
        client.init(null, tmf.getTrustManagers(), null);
        SSLEngine s = server.createSSLEngine();
        s.setUseClientMode(false);
        SSLEngine c = client.createSSLEngine("localhost", 19092);
        c.setUseClientMode(true);

        byte[] record = "a CloudEvents record".repeat(200).getBytes(StandardCharsets.UTF_8);
        SSLSession session = c.getSession();
        ByteBuffer cToS = ByteBuffer.allocate(session.getPacketBufferSize() * 4);
        ByteBuffer sToC = ByteBuffer.allocate(session.getPacketBufferSize() * 4);
        ByteBuffer cApp = ByteBuffer.wrap(record);
        ByteBuffer sIn = ByteBuffer.allocate(session.getApplicationBufferSize() * 4);
        ByteBuffer cIn = ByteBuffer.allocate(session.getApplicationBufferSize() * 4);
        for (int i = 0; i < 200 && sIn.position() < record.length; i++) {
            c.wrap(cApp, cToS);
            runTasks(c);
            s.wrap(ByteBuffer.allocate(0), sToC);
            runTasks(s);
            cToS.flip();
            s.unwrap(cToS, sIn);
            runTasks(s);
            cToS.compact();
            sToC.flip();
            c.unwrap(sToC, cIn);
            runTasks(c);
            sToC.compact();
        }
        assertEquals("TLSv1.3", c.getSession().getProtocol());
        assertEquals(record.length, sIn.position(), "the server read the whole record");
        byte[] received = new byte[record.length];
        sIn.flip().get(received);
        assertArrayEquals(record, received);
    }

    private static void runTasks(SSLEngine engine) {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run();
        }
        if (engine.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_TASK) {
            runTasks(engine);
        }
    }
}
