package io.iotj.maven;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The dependencies and repositories of POM text, as {@code %%loadFromPOM} takes it: {@code <dependency>}
 * elements (with or without a {@code <dependencies>} around them) or a whole POM. Dependencies of
 * scope test or provided are left out (a notebook runs code, it does not test or package it), as are
 * those inside {@code <dependencyManagement>}, plugins and profiles. {@code ${name}} in a version is
 * taken from the POM's {@code <properties>}. Every problem is an error at its line and column.
 *
 * @param dependencies what to resolve, in the order written
 * @param repositories the POM's {@code <repositories>}
 * @param skipped      dependencies left out, with why, for the user to read
 */
public record PomDependencies(List<Coordinates> dependencies, List<Repository> repositories, List<String> skipped) {
    private static final String WRAPPER = "<dependencies>";
    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

    /**
     * Reads POM text.
     *
     * @throws MavenInputException at the line and column of malformed XML, a dependency without group,
     *                             artifact or version, or an unknown property
     */
    public static PomDependencies read(String text) throws MavenInputException {
        boolean whole = text.contains("<project");
        String xml = whole ? text : WRAPPER + text + "</dependencies>";
        int shift = whole ? 0 : WRAPPER.length(); // columns of line 1 move right by the wrapper
        List<Raw> raws = new ArrayList<>();
        List<Repository> repositories = new ArrayList<>();
        Map<String, String> properties = new HashMap<>();
        try {
            XMLInputFactory factory = XMLInputFactory.newInstance();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            XMLStreamReader r = factory.createXMLStreamReader(new StringReader(xml));
            Deque<String> path = new ArrayDeque<>();
            Map<String, String> fields = null;
            Location started = null;
            StringBuilder chars = new StringBuilder();
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    path.push(r.getLocalName());
                    chars.setLength(0);
                    if (isDependency(path, whole) || isRepository(path, whole)) {
                        fields = new HashMap<>();
                        started = tagStart(xml, r.getLocation());
                    }
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                    chars.append(r.getText());
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    if (isDependency(path, whole)) {
                        raws.add(new Raw(fields, line(started), column(started, shift)));
                        fields = null;
                    } else if (isRepository(path, whole)) {
                        String url = fields.get("url");
                        if (url == null || url.isBlank()) {
                            throw new MavenInputException(text, line(started), column(started, shift),
                                    "a <repository> needs a <url>");
                        }
                        repositories.add(new Repository(fields.getOrDefault("id", "repository-" + repositories.size()),
                                url.strip()));
                        fields = null;
                    } else if (fields != null && path.size() >= 2) {
                        fields.putIfAbsent(path.peek(), chars.toString().strip());
                    } else if (whole && path.size() == 3 && parentIs(path, "properties")) {
                        properties.put(path.peek(), chars.toString().strip());
                    }
                    path.pop();
                    chars.setLength(0);
                }
            }
        } catch (XMLStreamException e) {
            Location at = e.getLocation();
            String message = e.getMessage() == null ? "malformed XML" : e.getMessage().replaceFirst(
                    "(?s)^ParseError at \\[row,col]:\\[\\d+,\\d+]\\s*Message:\\s*", "");
            throw new MavenInputException(text, at == null ? 1 : line(at), at == null ? 1 : column(at, shift),
                    "the POM text is not well-formed XML: " + message.strip());
        }
        List<Coordinates> deps = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Raw raw : raws) {
            Coordinates c = raw.coordinates(text, properties);
            String scope = raw.fields.getOrDefault("scope", "compile");
            if (scope.equals("test") || scope.equals("provided") || scope.equals("system")) {
                skipped.add(c + " (scope " + scope + ")");
            } else {
                deps.add(c);
            }
        }
        if (deps.isEmpty() && skipped.isEmpty()) {
            throw new MavenInputException(text, 1, 1, "no <dependency> found: write <dependency> elements, or a whole POM");
        }
        return new PomDependencies(List.copyOf(deps), List.copyOf(repositories), List.copyOf(skipped));
    }

    /** Where the tag ends at {@code end} starts: StAX reports the position after a start tag. */
    private static Location tagStart(String xml, Location end) {
        int offset = 0;
        for (int line = 1; line < end.getLineNumber() && offset >= 0; line++) {
            offset = xml.indexOf('\n', offset) + 1;
        }
        int at = xml.lastIndexOf('<', Math.min(xml.length(), offset + Math.max(0, end.getColumnNumber() - 1)) - 1);
        if (at < 0) {
            return end;
        }
        int lineStart = xml.lastIndexOf('\n', at - 1) + 1;
        int line = (int) xml.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
        int column = at - lineStart + 1;
        return new Location() {
            public int getLineNumber() { return line; }
            public int getColumnNumber() { return column; }
            public int getCharacterOffset() { return at; }
            public String getPublicId() { return null; }
            public String getSystemId() { return null; }
        };
    }

    private static boolean isDependency(Deque<String> path, boolean whole) {
        // <dependencies><dependency> at the top of a fragment, or project/dependencies/dependency
        return "dependency".equals(path.peek()) && path.size() == (whole ? 3 : 2) && parentIs(path, "dependencies");
    }

    private static boolean isRepository(Deque<String> path, boolean whole) {
        return whole && "repository".equals(path.peek()) && path.size() == 3 && parentIs(path, "repositories");
    }

    private static boolean parentIs(Deque<String> path, String name) {
        var it = path.iterator();
        it.next();
        return it.hasNext() && it.next().equals(name);
    }

    private static int line(Location l) {
        return Math.max(1, l.getLineNumber());
    }

    private static int column(Location l, int shift) {
        return Math.max(1, l.getLineNumber() == 1 ? l.getColumnNumber() - shift : l.getColumnNumber());
    }

    private record Raw(Map<String, String> fields, int line, int column) {
        Coordinates coordinates(String text, Map<String, String> properties) throws MavenInputException {
            String g = value("groupId", text, properties);
            String a = value("artifactId", text, properties);
            String v = value("version", text, properties);
            String type = fields.getOrDefault("type", "jar");
            return new Coordinates(g, a, type.equals("test-jar") ? "jar" : type, fields.getOrDefault("classifier", ""), v);
        }

        private String value(String field, String text, Map<String, String> properties) throws MavenInputException {
            String v = fields.get(field);
            if (v == null || v.isBlank()) {
                throw new MavenInputException(text, line, column, "this <dependency> has no <" + field + ">"
                        + (field.equals("version") ? " (versions managed by a parent POM or a BOM are not read here:"
                        + " write the version)" : ""));
            }
            Matcher m = PROPERTY.matcher(v);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String p = properties.get(m.group(1));
                if (p == null) {
                    throw new MavenInputException(text, line, column, "this <dependency>'s <" + field + "> uses ${"
                            + m.group(1) + "}, which the POM's <properties> do not define");
                }
                m.appendReplacement(out, Matcher.quoteReplacement(p));
            }
            m.appendTail(out);
            return out.toString();
        }
    }
}
