package io.iotj.kernel.jshell;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticListener;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

import com.sun.source.util.JavacTask;

/**
 * Whether a snippet JShell calls complete can be parsed at all ({@code int 1x = 3;} cannot): javac's
 * parser alone, no attribution, about a millisecond once warm. JShell's own completeness analysis only
 * counts brackets and semicolons, and its {@code sourceToSnippets} attributes too (tens of ms). A
 * snippet is valid when it parses as an import, a statement, a class member or an expression; only
 * syntax counts: unknown names and types are for the compiler to report when the cell runs.
 */
final class SyntaxCheck {
    private static final JavaCompiler JAVAC = ToolProvider.getSystemJavaCompiler();
    private static final List<String> OPTIONS = List.of("-proc:none", "-Xlint:none");
    private static StandardJavaFileManager files;

    private SyntaxCheck() {
    }

    /** Whether {@code snippet} (one complete snippet as JShell split it) can be parsed. */
    static boolean parses(String snippet) {
        if (JAVAC == null) {
            return true; // a JRE without javac: JShell could not run either; never call code invalid then
        }
        String s = snippet.strip();
        if (s.startsWith("import ")) {
            return parsesAsUnit(s);
        }
        String expression = s.endsWith(";") ? s.substring(0, s.length() - 1) : s;
        // Newlines around the snippet keep a trailing line comment from swallowing the wrapper's end.
        return parsesAsUnit("class W { void m() {\n" + s + "\n} }")
                || parsesAsUnit("class W {\n" + s + "\n}")
                || parsesAsUnit("class W { Object o = (\n" + expression + "\n); }");
    }

    private static synchronized boolean parsesAsUnit(String source) {
        if (files == null) {
            files = JAVAC.getStandardFileManager(null, Locale.ROOT, null);
            try {
                // Parsing reads no classes; without this every task would walk the kernel's classpath
                // (tens of jars: 10-70 ms a call instead of under 1 ms).
                files.setLocation(StandardLocation.CLASS_PATH, List.of());
                files.setLocation(StandardLocation.SOURCE_PATH, List.of());
                files.setLocation(StandardLocation.ANNOTATION_PROCESSOR_PATH, List.of());
            } catch (IOException e) {
                // keep the defaults: slower, still correct
            }
        }
        boolean[] failed = {false};
        DiagnosticListener<JavaFileObject> errors = d -> {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                failed[0] = true;
            }
        };
        JavaFileObject unit = new SimpleJavaFileObject(URI.create("string:///W.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        try {
            ((JavacTask) JAVAC.getTask(null, files, errors, OPTIONS, null, List.of(unit))).parse();
        } catch (IOException | RuntimeException e) {
            return true; // the check itself failed: let the compiler judge when the cell runs
        }
        return !failed[0];
    }
}
