package io.iotj.kernel;

import io.github.spencerpark.jupyter.kernel.LanguageInfo;

import java.util.List;

/** What the kernel tells Jupyter about the language: Java, in the version this JVM runs. */
final class Languages {
    private Languages() {
    }

    /** The running Java version as X.Y.Z (for example 25.0.1). */
    static String javaVersion() {
        Runtime.Version v = Runtime.version();
        return v.feature() + "." + v.interim() + "." + v.update();
    }

    static LanguageInfo java() {
        return new LanguageInfo.Builder("java")
                .version(javaVersion())
                .mimetype("text/x-java")
                .fileExtension(".java")
                .pygments("java")
                .codemirror("text/x-java")
                .build();
    }

    static List<LanguageInfo.Help> helpLinks() {
        int feature = Runtime.version().feature();
        return List.of(
                new LanguageInfo.Help("Java " + feature + " API",
                        "https://docs.oracle.com/en/java/javase/" + feature + "/docs/api/index.html"),
                new LanguageInfo.Help("JShell guide",
                        "https://docs.oracle.com/en/java/javase/" + feature + "/jshell/introduction-jshell.html"));
    }
}
