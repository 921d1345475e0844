package io.iotj.maven.resolver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.DefaultSettingsBuilderFactory;
import org.apache.maven.settings.building.DefaultSettingsBuildingRequest;
import org.apache.maven.settings.building.SettingsBuildingException;
import org.apache.maven.settings.building.SettingsProblem;

/**
 * The user's Maven settings as {@code mvn} reads them: the global {@code conf/settings.xml} of the
 * Maven installation ({@code MAVEN_HOME}), then {@code ~/.m2/settings.xml} on top. Another user file
 * can be chosen with the environment variable {@code IOTJ_MAVEN_SETTINGS} or the system property
 * {@code iotj.maven.settings} (the tests do).
 */
final class UserSettings {
    private UserSettings() {
    }

    /** The user settings file in use. */
    static Path userFile() {
        String chosen = System.getProperty("iotj.maven.settings", System.getenv("IOTJ_MAVEN_SETTINGS"));
        return chosen != null && !chosen.isBlank() ? Path.of(chosen)
                : Path.of(System.getProperty("user.home"), ".m2", "settings.xml");
    }

    static Settings read() throws SettingsBuildingException {
        DefaultSettingsBuildingRequest request = new DefaultSettingsBuildingRequest();
        request.setUserSettingsFile(userFile().toFile());
        for (String home : List.of(env("MAVEN_HOME"), env("M2_HOME"), System.getProperty("maven.home", ""))) {
            Path global = home.isEmpty() ? null : Path.of(home, "conf", "settings.xml");
            if (global != null && Files.isRegularFile(global)) {
                request.setGlobalSettingsFile(global.toFile());
                break;
            }
        }
        Properties system = new Properties();
        system.putAll(System.getProperties());
        System.getenv().forEach((k, v) -> system.setProperty("env." + k, v));
        request.setSystemProperties(system);
        return new DefaultSettingsBuilderFactory().newInstance().build(request).getEffectiveSettings();
    }

    /** The local repository: the settings' one, else {@code ~/.m2/repository}. */
    static Path localRepository(Settings settings) {
        String configured = settings.getLocalRepository();
        return configured != null && !configured.isBlank() ? Path.of(configured.strip())
                : Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    /** Problems of a settings file, one per line with its position. */
    static String describe(SettingsBuildingException e) {
        List<String> lines = new ArrayList<>();
        for (SettingsProblem p : e.getProblems()) {
            lines.add(p.getSource() + (p.getLineNumber() > 0 ? ", line " + p.getLineNumber() + ", column "
                    + p.getColumnNumber() : "") + ": " + p.getMessage());
        }
        return String.join("\n", lines);
    }

    private static String env(String name) {
        String v = System.getenv(name);
        return v == null ? "" : v;
    }
}
