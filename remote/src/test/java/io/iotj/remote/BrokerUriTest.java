package io.iotj.remote;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class BrokerUriTest {
    @Test
    void passwordsAreMaskedWhereverTheUriAppears() {
        assertEquals("amqp://guest:****@127.0.0.1:5672", BrokerUri.mask("amqp://guest:guest@127.0.0.1:5672"));
        assertEquals("cannot reach amqps://u:****@host/vh now", BrokerUri.mask("cannot reach amqps://u:p%40ss@host/vh now"));
        assertEquals("amqp://127.0.0.1", BrokerUri.mask("amqp://127.0.0.1"));
    }

    @Test
    void passwordsWithUnescapedSlashesOrAtSignsAreMaskedWhole() {
        // users paste passwords as they are; the URI is then malformed, and its error must not show them
        for (String uri : java.util.List.of("amqp://u:hun/ter2@127.0.0.1", "amqp://u:hun@ter2@127.0.0.1", "amqp://u:hun:ter2@127.0.0.1")) {
            String shown = BrokerUri.mask("cannot connect to " + uri + ": refused");
            assertFalse(shown.contains("hun") || shown.contains("ter2"), shown);
            assertTrue(shown.contains("127.0.0.1: refused"), shown);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> {
                BrokerUri.check(uri);
                throw new IllegalArgumentException("accepted " + BrokerUri.mask(uri));
            });
            assertFalse(e.getMessage().contains("ter2"), e.getMessage());
        }
    }

    @Test
    void badUrisAreRefusedWithoutThePassword() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BrokerUri.check("http://u:hunter2@h"));
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
        assertDoesNotThrow(() -> BrokerUri.check("amqp://guest:guest@127.0.0.1"));
    }
}
