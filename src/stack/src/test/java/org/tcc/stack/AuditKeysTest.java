package org.tcc.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tcc.contracts.audit.EcKeys;

class AuditKeysTest {

    @Test
    void theLocalStackKeyIsGeneratedOnceAndItsPublicHalfWrittenBesideIt(@TempDir Path home) throws Exception {
        Path key = AuditKeys.ensure(home);
        String first = Files.readString(key);
        assertEquals(key, AuditKeys.ensure(home), "a second up keeps the key");
        assertEquals(first, Files.readString(key));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        String pub = Files.readString(home.resolve("audit").resolve(AuditKeys.PUBLIC_FILE));
        assertFalse(pub.contains("\"d\""), "the public file holds no private half");
        EcKeys.SigningKey signing = EcKeys.readSigningKey(first);
        assertEquals(signing.keyId(), EcKeys.thumbprint(EcKeys.readPublicKey(pub)));
        assertTrue(pub.contains(signing.keyId()));
    }
}
