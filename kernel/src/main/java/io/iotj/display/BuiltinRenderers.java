package io.iotj.display;

import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;

/** The renderers every session has: bundles, text, images and image bytes. */
final class BuiltinRenderers {
    private BuiltinRenderers() {
    }

    static void registerAll(Renderers r) {
        r.register(MimeBundle.class, d -> new MimeBundle().putAll(d));
        r.register(CharSequence.class, s -> MimeBundle.text(s.toString()));
        r.register(RenderedImage.class, BuiltinRenderers::image);
        r.register(byte[].class, BuiltinRenderers::bytes);
    }

    static MimeBundle image(RenderedImage image) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        if (!javax.imageio.ImageIO.write(image, "png", png)) throw new IOException("no PNG writer available");
        return new MimeBundle()
                .put(MimeBundle.PNG, Base64.getEncoder().encodeToString(png.toByteArray()))
                .put(MimeBundle.TEXT, "image " + image.getWidth() + "x" + image.getHeight());
    }

    /** Byte arrays holding a PNG, JPEG or GIF file show as that image; other bytes as numbers. */
    static MimeBundle bytes(byte[] b) {
        String mime = imageType(b);
        if (mime == null) return MimeBundle.text(java.util.Arrays.toString(b));
        return new MimeBundle()
                .put(mime, Base64.getEncoder().encodeToString(b))
                .put(MimeBundle.TEXT, mime + ", " + b.length + " bytes");
    }

    static String imageType(byte[] b) {
        if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') return MimeBundle.PNG;
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) return MimeBundle.JPEG;
        if (b.length >= 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8') return "image/gif";
        return null;
    }
}
