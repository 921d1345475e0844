package io.iotj.assemble;

import java.util.Optional;

/** IoTpy's constants in externals: {@code "\"times_two\""} is a string, {@code "1"} and {@code "0.1"} numbers. */
final class Constants {
    private Constants() {
    }

    /** The constant written as {@code ext}, or empty when {@code ext} is a name. */
    static Optional<Object> parse(String ext) {
        String s = ext.strip();
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
            return Optional.of(s.substring(1, s.length() - 1).replace("\\\"", "\"").replace("\\'", "'"));
        }
        switch (s) {
            case "True", "true" -> {
                return Optional.of(Boolean.TRUE);
            }
            case "False", "false" -> {
                return Optional.of(Boolean.FALSE);
            }
            default -> {
                // a number or a name
            }
        }
        try {
            long l = Long.parseLong(s);
            return Optional.of(l == (int) l ? (Object) (int) l : (Object) l);
        } catch (NumberFormatException e) {
            // not an integer
        }
        if (!s.isEmpty() && (Character.isDigit(s.charAt(0)) || s.charAt(0) == '-' || s.charAt(0) == '+' || s.charAt(0) == '.')) {
            try {
                return Optional.of(Double.parseDouble(s));
            } catch (NumberFormatException e) {
                // not a number
            }
        }
        return Optional.empty();
    }
}
