package io.iotj.display;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class DisplayTest {
    record Published(String kind, MimeBundle data, String id) {
    }

    private final List<Published> published = new ArrayList<>();

    private final DisplayPublisher recorder = new DisplayPublisher() {
        @Override
        public synchronized void display(MimeBundle data, String displayId) {
            published.add(new Published("display", data, displayId));
        }

        @Override
        public synchronized void update(MimeBundle data, String displayId) {
            published.add(new Published("update", data, displayId));
        }

        @Override
        public synchronized void clearOutput(boolean wait) {
            published.add(new Published("clear", null, String.valueOf(wait)));
        }
    };

    @AfterEach
    void uninstall() {
        Display.install(null, Renderers.withBuiltins());
    }

    @Test
    void displayReturnsAnIdThatUpdatesReuseFromAnyThread() throws Exception {
        Display.install(recorder, Renderers.withBuiltins());
        String a = Display.display(Display.html("<b>1</b>"));
        String b = Display.display("plain");
        assertNotEquals(a, b, "every display gets its own id");
        Thread t = new Thread(() -> Display.updateDisplay(a, Display.html("<b>2</b>")));
        t.start();
        t.join();
        synchronized (recorder) {
            assertEquals(3, published.size());
            assertEquals(new Published("display", published.get(0).data, a), published.get(0));
            assertEquals("update", published.get(2).kind);
            assertEquals(a, published.get(2).id);
            assertEquals("<b>2</b>", published.get(2).data.get(MimeBundle.HTML));
        }
    }

    @Test
    void displayKeepsOnlyTheRequestedMimeTypes() {
        Display.install(recorder, Renderers.withBuiltins());
        Display.display(Display.html("<b>x</b>"), MimeBundle.HTML);
        assertEquals(java.util.Set.of(MimeBundle.HTML), published.get(0).data.mimeTypes());
    }

    @Test
    void textAskedForAsATypeIsShownAsThatType() {
        Display.install(recorder, Renderers.withBuiltins());
        Display.display("<b>x</b>", "text/html");
        Display.display("# Title", "text/markdown", "text/plain");
        Display.display(new byte[] {1, 2, 3}, "image/png");
        Display.display("{\"a\": [1, 2]}", "application/json");
        assertEquals(java.util.Map.of(MimeBundle.HTML, "<b>x</b>"), published.get(0).data.data());
        assertEquals("# Title", published.get(1).data.get(MimeBundle.MARKDOWN));
        assertEquals("# Title", published.get(1).data.get(MimeBundle.TEXT));
        assertEquals("AQID", published.get(2).data.get(MimeBundle.PNG));
        assertEquals(java.util.Set.of(MimeBundle.JSON), published.get(3).data.mimeTypes());
    }

    @Test
    void aValueThatCannotBeShownAsATypeAskedForIsAClearErrorNotText() {
        Display.install(recorder, Renderers.withBuiltins());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Display.display(42, "image/png"));
        assertTrue(e.getMessage().contains("image/png") && e.getMessage().contains("java.lang.Integer"), e.getMessage());
        assertTrue(e.getMessage().contains("text/plain"), "says what it can be shown as: " + e.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> Display.display("x", "html"));
        assertTrue(bad.getMessage().contains("\"html\" is not a MIME type"), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Display.display("{not json", "application/json"));
        assertThrows(IllegalArgumentException.class, () -> Display.updateDisplay("some-id", 42, "image/png"));
        assertTrue(published.isEmpty(), "nothing is shown when the types cannot be honoured");
    }

    @Test
    void updatingWithoutAnIdIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Display.updateDisplay(" ", 1));
        assertTrue(e.getMessage().contains("id that display(...) returned"), e.getMessage());
    }

    @Test
    void clearOutputReachesThePublisher() {
        Display.install(recorder, Renderers.withBuiltins());
        Display.clearOutput(true);
        assertEquals(new Published("clear", null, "true"), published.get(0));
    }

    @Test
    void theInstalledRegistryRendersDisplays() {
        Renderers custom = Renderers.withBuiltins();
        custom.register(Integer.class, i -> Display.html("<i>" + i + "</i>"));
        Display.install(recorder, custom);
        Display.display(7);
        assertEquals("<i>7</i>", published.get(0).data.get(MimeBundle.HTML));
    }
}
