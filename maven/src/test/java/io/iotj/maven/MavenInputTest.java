package io.iotj.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Coordinates and POM text as users write them, and the positioned errors for what is wrong. */
class MavenInputTest {

    @Test
    void coordinatesInMavensOrder() throws Exception {
        assertEquals(Coordinates.of("org.postgresql", "postgresql", "42.7.8"), Coordinates.parse("org.postgresql:postgresql:42.7.8"));
        Coordinates natives = Coordinates.parse("org.bytedeco:openblas:jar:linux-x86_64:0.3.28-1.5.11");
        assertEquals("linux-x86_64", natives.classifier());
        assertEquals("org.bytedeco:openblas:jar:linux-x86_64:0.3.28-1.5.11", natives.toString());
        assertEquals("pom", Coordinates.parse("g:a:pom:1").extension());
    }

    @Test
    void malformedCoordinatesSayWhatAndWhere() {
        MavenInputException two = assertThrows(MavenInputException.class, () -> Coordinates.parse("postgresql:42.7.8"));
        assertTrue(two.getMessage().contains("is not group:artifact:version"), two.getMessage());
        MavenInputException empty = assertThrows(MavenInputException.class, () -> Coordinates.parse("org.x::1.0"));
        assertEquals(7, empty.column());
        assertTrue(empty.getMessage().contains("empty artifact id at column 7"), empty.getMessage());
        MavenInputException bad = assertThrows(MavenInputException.class, () -> Coordinates.parse("org.x:a b:1"));
        assertTrue(bad.getMessage().contains("artifact id at column 7"), bad.getMessage());
    }

    @Test
    void dependencyElementsOrAWholePom() throws Exception {
        PomDependencies fragment = PomDependencies.read("""
                <dependency>
                  <groupId>org.postgresql</groupId><artifactId>postgresql</artifactId><version>42.7.8</version>
                </dependency>
                <dependency>
                  <groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter</artifactId><version>5.11.4</version>
                  <scope>test</scope>
                </dependency>""");
        assertEquals(List.of(Coordinates.of("org.postgresql", "postgresql", "42.7.8")), fragment.dependencies());
        assertEquals(List.of("org.junit.jupiter:junit-jupiter:5.11.4 (scope test)"), fragment.skipped());

        PomDependencies pom = PomDependencies.read("""
                <project>
                  <properties><pg.version>42.7.8</pg.version></properties>
                  <repositories><repository><id>internal</id><url>https://repo.example.org/maven</url></repository></repositories>
                  <dependencyManagement><dependencies><dependency>
                    <groupId>managed</groupId><artifactId>only</artifactId><version>1</version>
                  </dependency></dependencies></dependencyManagement>
                  <dependencies>
                    <dependency><groupId>org.postgresql</groupId><artifactId>postgresql</artifactId><version>${pg.version}</version></dependency>
                  </dependencies>
                </project>""");
        assertEquals(List.of(Coordinates.of("org.postgresql", "postgresql", "42.7.8")), pom.dependencies());
        assertEquals(List.of(new Repository("internal", "https://repo.example.org/maven")), pom.repositories());
    }

    @Test
    void pomProblemsArePositioned() {
        MavenInputException xml = assertThrows(MavenInputException.class, () -> PomDependencies.read(
                "<dependency>\n  <groupId>a</groupId>\n  <artifactId>b</artifactId>\n  <version>1</versio>\n</dependency>"));
        assertEquals(4, xml.line());
        assertTrue(xml.getMessage().startsWith("the POM text is not well-formed XML"), xml.getMessage());
        MavenInputException noVersion = assertThrows(MavenInputException.class, () -> PomDependencies.read(
                "<dependency><groupId>a</groupId><artifactId>b</artifactId></dependency>"));
        assertEquals(1, noVersion.line());
        assertEquals(1, noVersion.column(), "columns count in the cell, not in the wrapper around it");
        assertTrue(noVersion.getMessage().contains("has no <version>"), noVersion.getMessage());
        MavenInputException property = assertThrows(MavenInputException.class, () -> PomDependencies.read(
                "<project><dependencies>\n<dependency><groupId>a</groupId><artifactId>b</artifactId><version>${v}</version>"
                        + "</dependency></dependencies></project>"));
        assertEquals(2, property.line());
        assertTrue(property.getMessage().contains("${v}"), property.getMessage());
        assertTrue(property.excerpt().endsWith("^"), property.excerpt());
    }
}
