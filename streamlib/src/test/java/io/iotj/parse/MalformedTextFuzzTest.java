package io.iotj.parse;

import io.iotj.template.Template;
import io.iotj.template.TemplateError;
import io.iotj.template.TemplateJson;
import io.iotj.template.TemplateLibrary;
import io.iotj.template.TemplateResult;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.iotj.parse.Fixtures.mlLibrary;
import static io.iotj.parse.Fixtures.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Thousands of malformed texts, made by seeded (deterministic) mutations of valid ones: each must
 * give errors positioned inside the text and nothing else (no exception), and the whole batch must
 * finish in bounded time. A mutation that happens to stay valid must then read back unchanged
 * through the printer.
 */
class MalformedTextFuzzTest {
    private static final Pattern TOKEN = Pattern.compile("->|\"[^\"\\n]*\"|[A-Za-z0-9_.]+|\\S");
    private static final String[] TOKENS = {"(", ")", "{", "}", "[", "]", ",", ";", "=", ":", "*", "->", "\"",
        "None", "map", "zip", "x", "in", "function", "\"s\"", "1.5e", "-", "'", "#", "@", "\n", "\t", "0", "..",
        "\u00e9", "\u0000", "\r", "\ud83d\ude00", "-1", "in=", "[a, b] =", "y:stream", "x*"};

    private final TemplateLibrary lib = mlLibrary();

    private List<String> validTexts() {
        List<String> texts = new ArrayList<>(List.of(resource("thesis_test.txt"), resource("thesis_meetup.txt"),
                resource("thesis_linear_regression.txt")));
        TemplateGenerator gen = new TemplateGenerator(7);
        for (int i = 0; i < 20; i++) {
            texts.add(gen.next("gen" + i));
        }
        for (String t : texts) {
            TemplateResult r = TemplateParser.parse(t, lib);
            assertTrue(r.ok(), r::format);
        }
        return texts;
    }

    @Test
    void everyMalformedTextGetsAPositionedErrorAndNothingElse() {
        List<String> valid = validTexts();
        int[] counts = new int[2]; // malformed, benign
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            Random random = new Random(20260101L);
            for (int attempt = 0; attempt < 20_000 && counts[0] < 1500; attempt++) {
                String text = mutate(valid.get(random.nextInt(valid.size())), random);
                TemplateResult r;
                try {
                    r = TemplateParser.parse(text, lib);
                } catch (Throwable e) {
                    throw new AssertionError("parsing threw instead of returning errors for:\n" + text, e);
                }
                if (r.ok()) {
                    counts[1]++;
                    assertReadsBack(r, text);
                } else {
                    counts[0]++;
                    assertPositioned(r.errors(), text);
                }
            }
        });
        assertTrue(counts[0] >= 1000, "malformed texts tried: " + counts[0]);
        System.out.printf("template text fuzz: %d malformed texts, each with positioned errors; %d mutations stayed valid%n",
                counts[0], counts[1]);
    }

    @Test
    void malformedJsonGetsPositionedErrorsToo() {
        List<String> valid = List.of(resource("thesis_test.json"), resource("thesis_meetup.json"),
                resource("thesis_linear_regression.json"));
        int[] malformed = new int[1];
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            Random random = new Random(99L);
            for (int attempt = 0; attempt < 3000; attempt++) {
                String text = mutate(valid.get(random.nextInt(valid.size())), random);
                TemplateResult r;
                try {
                    r = TemplateJson.read(text);
                } catch (Throwable e) {
                    throw new AssertionError("reading JSON threw for:\n" + text, e);
                }
                if (!r.ok()) {
                    malformed[0]++;
                    assertPositioned(r.errors(), text);
                }
            }
        });
        assertTrue(malformed[0] >= 1000, "malformed JSON texts: " + malformed[0]);
    }

    @Test
    void hostileTextsEndQuicklyWithErrors() {
        StringBuilder manyLines = new StringBuilder("t(x:stream) -> y:stream {\n");
        for (int i = 0; i < 5_000; i++) {
            manyLines.append("  a").append(i).append(" = map(in=undefined").append(i).append(", function=f);\n");
        }
        manyLines.append("}\n");
        List<String> hostile = List.of("(".repeat(200_000), "[".repeat(100_000), "t(x) -> y {" + "a=".repeat(50_000),
                "t(x) -> y {\n" + "y = map(;\n".repeat(20_000) + "}", "\"".repeat(10_001), manyLines.toString(),
                "x".repeat(TemplateParser.MAX_LENGTH + 1));
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (String text : hostile) {
                TemplateResult r = TemplateParser.parse(text, lib);
                assertTrue(!r.ok(), "errors expected");
                assertPositioned(r.errors(), text);
                assertTrue(r.errors().size() <= 200, "errors are bounded: " + r.errors().size());
            }
            TemplateResult deep = TemplateJson.read("[".repeat(100_000));
            assertPositioned(deep.errors(), "[".repeat(100_000));
        });
    }

    /** A valid mutation must be a real template: it prints and reads back to the same model. */
    private void assertReadsBack(TemplateResult r, String text) {
        TemplateLibrary scope = lib.copy();
        for (Template t : r.templatesOrThrow()) {
            String printed = TemplatePrinter.print(t, scope);
            TemplateResult again = TemplateParser.parse(printed, scope);
            assertTrue(again.ok(), () -> again.format() + "\nfrom:\n" + text);
            assertEquals(TemplateJson.write(t), TemplateJson.write(again.template()), text);
            scope.register(t);
        }
    }

    /** Errors exist, and each one's line and column point into the text (or just past a line's end). */
    static void assertPositioned(List<TemplateError> errors, String text) {
        assertTrue(!errors.isEmpty());
        for (TemplateError e : errors) {
            String line = lineOf(text, e.line());
            if (line == null || e.column() < 1 || e.column() > line.length() + 1) {
                fail("error outside the text: " + e.format() + "\nin:\n" + text);
            }
            assertTrue(!e.message().isBlank());
            assertTrue(e.excerpt().endsWith("^"), e::format);
        }
    }

    private static String lineOf(String text, int n) {
        if (n < 1) {
            return null;
        }
        String[] lines = text.split("\r\n|\r|\n", -1);
        return n <= lines.length ? lines[n - 1] : null;
    }

    /** One to three random edits: deletions, insertions, swaps, truncations, duplications, tokens. */
    static String mutate(String text, Random random) {
        String s = text;
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && !s.isEmpty(); e++) {
            List<int[]> tokens = tokens(s);
            int p = random.nextInt(s.length());
            switch (random.nextInt(8)) {
                case 0 -> s = s.substring(0, p) + s.substring(Math.min(s.length(), p + 1 + random.nextInt(5)));
                case 1 -> s = s.substring(0, p) + (char) (32 + random.nextInt(95)) + s.substring(p);
                case 2 -> s = s.substring(0, p) + TOKENS[random.nextInt(TOKENS.length)] + s.substring(p);
                case 3 -> s = s.substring(0, p);
                case 4 -> {
                    int q = Math.min(s.length(), p + 1 + random.nextInt(30));
                    s = s.substring(0, q) + s.substring(p, q) + s.substring(q);
                }
                case 5 -> { // delete a token
                    int[] t = tokens.get(random.nextInt(tokens.size()));
                    s = s.substring(0, t[0]) + s.substring(t[1]);
                }
                case 6 -> { // replace a token
                    int[] t = tokens.get(random.nextInt(tokens.size()));
                    s = s.substring(0, t[0]) + TOKENS[random.nextInt(TOKENS.length)] + s.substring(t[1]);
                }
                default -> { // swap two tokens
                    int[] a = tokens.get(random.nextInt(tokens.size()));
                    int[] b = tokens.get(random.nextInt(tokens.size()));
                    if (a[0] > b[0]) {
                        int[] c = a;
                        a = b;
                        b = c;
                    }
                    if (a[1] <= b[0]) {
                        s = s.substring(0, a[0]) + s.substring(b[0], b[1]) + s.substring(a[1], b[0])
                                + s.substring(a[0], a[1]) + s.substring(b[1]);
                    }
                }
            }
        }
        return s;
    }

    private static List<int[]> tokens(String s) {
        List<int[]> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(s);
        while (m.find()) {
            out.add(new int[] {m.start(), m.end()});
        }
        if (out.isEmpty()) {
            out.add(new int[] {0, s.length()});
        }
        return out;
    }
}
