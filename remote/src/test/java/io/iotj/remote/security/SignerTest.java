package io.iotj.remote.security;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.*;

class SignerTest {
    private final AtomicLong now = new AtomicLong(1_700_000_000_000L);
    private final Clock clock = new Clock() {
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return Instant.ofEpochMilli(now.get()); }
    };
    private final Secret secret = Secret.of("a-shared-secret-of-some-length", "test");
    private final Signer kernel = new Signer(secret, clock, 30_000);
    private final Signer node = new Signer(secret, clock, 30_000);

    private static JsonObject body(String part) {
        JsonObject b = new JsonObject();
        b.addProperty("part", part);
        return b;
    }

    @Test
    void aSignedCommandIsAcceptedOnce() throws RefusedMessage {
        Signer.Signed s = kernel.sign("assemble", "kernel-1", body("map0"));
        SignedMessage m = node.verify(s.bytes(), s.signature());
        assertEquals("assemble", m.type());
        assertEquals("kernel-1", m.from());
        assertEquals("map0", m.body().get("part").getAsString());
        RefusedMessage again = assertThrows(RefusedMessage.class, () -> node.verify(s.bytes(), s.signature()));
        assertTrue(again.getMessage().contains("replayed"), again.getMessage());
    }

    @Test
    void aCommandIsAcceptedOnlyWhereItWasAddressed() throws RefusedMessage {
        Signer other = new Signer(secret, clock, 30_000); // another node: it never saw the nonce
        Signer.Signed s = kernel.sign("shutdown", "kernel-1", "iotj.control/node.n1", new JsonObject());
        RefusedMessage e = assertThrows(RefusedMessage.class, () -> other.verify(s.bytes(), s.signature(), "iotj.control/node.n2"));
        assertTrue(e.getMessage().contains("addressed to iotj.control/node.n1"), e.getMessage());
        Signer.Signed unaddressed = kernel.sign("shutdown", "kernel-1", new JsonObject());
        assertThrows(RefusedMessage.class, () -> other.verify(unaddressed.bytes(), unaddressed.signature(), "iotj.control/node.n2"));
        assertEquals("shutdown", node.verify(s.bytes(), s.signature(), "iotj.control/node.n1").type());
    }

    @Test
    void unsignedForgedAndAlteredCommandsAreRefused() {
        Signer.Signed s = kernel.sign("assemble", "kernel-1", body("map0"));
        assertTrue(assertThrows(RefusedMessage.class, () -> node.verify(s.bytes(), null)).getMessage().contains("unsigned"));
        Signer other = new Signer(Secret.of("some-other-secret-entirely", "x"), clock, 30_000);
        Signer.Signed forged = other.sign("assemble", "kernel-1", body("map0"));
        assertTrue(assertThrows(RefusedMessage.class, () -> node.verify(forged.bytes(), forged.signature()))
                .getMessage().contains("bad signature"));
        byte[] altered = new String(s.bytes(), StandardCharsets.UTF_8).replace("map0", "evil").getBytes(StandardCharsets.UTF_8);
        assertTrue(assertThrows(RefusedMessage.class, () -> node.verify(altered, s.signature()))
                .getMessage().contains("bad signature"));
        assertTrue(assertThrows(RefusedMessage.class, () -> node.verify(s.bytes(), "zz-not-hex"))
                .getMessage().contains("malformed signature"));
        // and the genuine one still passes: refusals did not consume its nonce
        assertDoesNotThrow(() -> node.verify(s.bytes(), s.signature()));
    }

    @Test
    void anOldCapturedCommandIsRefusedEvenAfterItsNonceIsForgotten() throws RefusedMessage {
        Signer.Signed s = kernel.sign("stop", "kernel-1", body("g"));
        node.verify(s.bytes(), s.signature());
        now.addAndGet(31_000);
        RefusedMessage e = assertThrows(RefusedMessage.class, () -> node.verify(s.bytes(), s.signature()));
        assertTrue(e.getMessage().contains("expired or replayed"), e.getMessage());
    }

    @Test
    void rememberedNoncesStayBounded() throws RefusedMessage {
        for (int i = 0; i < 1000; i++) {
            Signer.Signed s = kernel.sign("ping", "k", new JsonObject());
            node.verify(s.bytes(), s.signature());
            now.addAndGet(100); // 1000 commands over 100 s, window 30 s
        }
        assertTrue(node.remembered() <= 301, "only the last 30 s of nonces are kept: " + node.remembered());
    }

    @Test
    void secretFileIsCreatedOwnerOnlyAndLoaded(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("iotj").resolve("secret");
        assertTrue(Secret.createIfAbsent(f));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f.getParent())));
        String content = Files.readString(f);
        assertFalse(Secret.createIfAbsent(f), "an existing secret is kept");
        assertEquals(content, Files.readString(f));
        Secret s = Secret.fromFile(f);
        assertFalse(s.toString().contains(content.strip()), "toString never shows the secret");
    }

    @Test
    void aSecretFileOthersCanReadIsRefused(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("secret");
        Files.writeString(f, "a-shared-secret-of-some-length");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        IOException e = assertThrows(IOException.class, () -> Secret.fromFile(f));
        assertTrue(e.getMessage().contains("chmod 600"), e.getMessage());
        assertFalse(e.getMessage().contains("a-shared-secret"), "never print the secret");
        assertThrows(IllegalArgumentException.class, () -> Secret.of("short", "test"));
    }
}
