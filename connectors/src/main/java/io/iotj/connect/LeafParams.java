package io.iotj.connect;

import io.iotj.assemble.LeafContext;

/** Reading the connector leaves' text, boolean and secret parameters. */
public final class LeafParams {
    private LeafParams() {
    }

    /** An optional text parameter. */
    public static String text(LeafContext ctx, String param, String otherwise) {
        Object v = ctx.optional(param, null);
        if (v == null) {
            return otherwise;
        }
        if (!(v instanceof String s)) {
            throw ctx.error(param, "must be text in quotes, was " + v);
        }
        return s;
    }

    /** An optional boolean: true/false, 1/0. */
    public static boolean bool(LeafContext ctx, String param, boolean otherwise) {
        Object v = ctx.optional(param, null);
        if (v == null) {
            return otherwise;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Number n && (n.doubleValue() == 0 || n.doubleValue() == 1)) {
            return n.doubleValue() == 1;
        }
        if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
        }
        throw ctx.error(param, "must be true or false, was " + v);
    }

    /**
     * An optional secret (a user or password): {@code "$NAME"} reads the environment variable
     * {@code NAME}, so the secret need not be written in the notebook.
     */
    public static String secret(LeafContext ctx, String param) {
        String s = text(ctx, param, null);
        if (s != null && s.startsWith("$") && s.length() > 1) {
            String v = System.getenv(s.substring(1));
            if (v == null) {
                throw ctx.error(param, "names the environment variable " + s.substring(1) + ", which is not set");
            }
            return v;
        }
        return s;
    }
}
