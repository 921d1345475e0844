package io.iotj.display;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class RenderersTest {
    private final Renderers renderers = Renderers.withBuiltins();

    @Test
    void plainValuesRenderAsText() {
        assertEquals("2", renderers.render(2).get(MimeBundle.TEXT));
        assertEquals("hi", renderers.render("hi").get(MimeBundle.TEXT));
        assertEquals("null", renderers.render(null).get(MimeBundle.TEXT));
        assertEquals("[1, 2]", renderers.render(new int[]{1, 2}).get(MimeBundle.TEXT));
        assertEquals("[[a], [b, c]]", renderers.render(new String[][]{{"a"}, {"b", "c"}}).get(MimeBundle.TEXT));
    }

    @Test
    void imagesRenderAsPngThatDecodesBack() throws Exception {
        BufferedImage img = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        img.setRGB(1, 1, 0xFF0000);
        MimeBundle d = renderers.render(img);
        byte[] png = Base64.getDecoder().decode((String) d.get(MimeBundle.PNG));
        BufferedImage back = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
        assertEquals(3, back.getWidth());
        assertEquals(0xFF0000, back.getRGB(1, 1) & 0xFFFFFF);
        assertEquals(MimeBundle.PNG, renderers.render(png).mimeTypes().iterator().next(), "PNG bytes render as PNG");
    }

    @Test
    void theMostSpecificRegisteredClassWinsAndInterfacesCount() {
        renderers.register(Number.class, n -> MimeBundle.text("number " + n));
        renderers.register(Integer.class, n -> MimeBundle.text("int " + n));
        renderers.register(List.class, l -> Display.html("<ul>" + l.size() + "</ul>"));
        assertEquals("int 3", renderers.render(3).toString());
        assertEquals("number 2.5", renderers.render(2.5).toString());
        assertEquals("<ul>2</ul>", renderers.render(new java.util.ArrayList<>(List.of(1, 2))).get(MimeBundle.HTML));
    }

    @Test
    void mimeSelectionKeepsExactlyWhatWasAskedAndNeverFallsBackSilently() {
        MimeBundle html = renderers.render(Display.html("<i>x</i>"), MimeBundle.HTML);
        assertEquals(java.util.Set.of(MimeBundle.HTML), html.mimeTypes());
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> renderers.render(42, MimeBundle.SVG));
        assertEquals("cannot show a java.lang.Integer as image/svg+xml (it can be shown as text/plain)", e.getMessage());
    }

    @Test
    void aFailingRendererFallsBackToTextNamingTheFailure() {
        renderers.register(StringBuilder.class, sb -> {
            throw new IllegalStateException("broken renderer");
        });
        String text = renderers.render(new StringBuilder("abc")).toString();
        assertTrue(text.startsWith("abc") && text.contains("broken renderer"), text);
    }

    @Test
    void jsonIsATreeAndBadJsonTextIsAClearError() {
        MimeBundle d = Display.json(Map.of("a", 1));
        assertEquals("{\"a\":1}", d.get(MimeBundle.JSON).toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Display.json("{\"a\": }"));
        assertTrue(e.getMessage().startsWith("not valid JSON"), e.getMessage());
    }
}
