package io.iotj.kernel.jshell;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.JShell;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

/**
 * What JShell says about a snippet, in the user's terms: compile errors positioned in the cell,
 * declarations that cannot be used until something is defined, variables a redefinition reset.
 */
final class Diagnostics {
    private Diagnostics() {
    }

    /** The compile errors of a rejected snippet, each at its line and column in the cell. */
    static EvalResult.CompileError compileError(JShell shell, String cell, SnippetSplitter.Piece piece,
                                                Snippet snippet, int firstLine) {
        List<CompileDiagnostic> diags = new ArrayList<>();
        for (Diag d : shell.diagnostics(snippet).toList()) {
            if (!d.isError()) {
                continue;
            }
            long pos = d.getPosition() >= 0 ? d.getPosition() : Math.max(0, d.getStartPosition());
            int offset = (int) Math.min(cell.length(), piece.offset() + Math.min(pos, piece.source().length()));
            diags.add(diagnostic(cell, offset, firstLine, cleanMessage(d.getMessage(Locale.ROOT))));
        }
        if (diags.isEmpty()) {
            diags.add(diagnostic(cell, firstNonBlank(cell, piece.offset()), firstLine,
                    "JShell cannot evaluate this " + snippet.kind().name().toLowerCase(Locale.ROOT)
                            .replace('_', ' ')));
        }
        return new EvalResult.CompileError(diags);
    }

    static CompileDiagnostic diagnostic(String cell, int offset, int firstLine, String message) {
        int lineStart = cell.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
        if (offset == 0) {
            lineStart = 0;
        }
        int lineEnd = cell.indexOf('\n', lineStart);
        if (lineEnd < 0) {
            lineEnd = cell.length();
        }
        String sourceLine = cell.substring(lineStart, lineEnd);
        if (sourceLine.endsWith("\r")) {
            sourceLine = sourceLine.substring(0, sourceLine.length() - 1);
        }
        return new CompileDiagnostic(lineOf(cell, offset) + firstLine - 1, offset - lineStart + 1, offset, message,
                sourceLine, true);
    }

    private static int firstNonBlank(String cell, int from) {
        int i = from;
        while (i < cell.length() && Character.isWhitespace(cell.charAt(i))) {
            i++;
        }
        return Math.min(i, cell.length());
    }

    /** Drops the lines of javac messages that only name JShell's hidden wrapper class. */
    private static String cleanMessage(String message) {
        StringBuilder out = new StringBuilder();
        for (String line : message.split("\n")) {
            String t = line.strip();
            if (t.equals("location: class") || t.contains("$JShell$")) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append(line);
        }
        return out.toString();
    }

    /** The 1-based line of {@code offset} in {@code text}. */
    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** A declaration was used before what it needs is defined. */
    static EvalResult.RuntimeError unresolved(JShell shell, UnresolvedReferenceException ure) {
        DeclarationSnippet sn = ure.getSnippet();
        String message = describe(sn) + " cannot be used until " + missing(shell, sn);
        return new EvalResult.RuntimeError(null, "UnresolvedReferenceException", message,
                List.of("UnresolvedReferenceException: " + message));
    }

    /** Tells the user what a redefinition did to the declarations that depend on it. */
    static void dependentNotes(JShell shell, List<SnippetEvent> events, Snippet primary, List<String> notes) {
        for (SnippetEvent e : events) {
            if (e.causeSnippet() == null || e.snippet() == primary || !(e.snippet() instanceof DeclarationSnippet d)
                    || e.previousStatus() != Snippet.Status.VALID) {
                continue;
            }
            if (e.status() == Snippet.Status.RECOVERABLE_DEFINED || e.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                notes.add(recoverableNote(shell, d, e.status()));
            } else if (e.status() == Snippet.Status.VALID && d instanceof VarSnippet v) {
                notes.add("variable " + v.name() + " was reset to " + defaultOf(v.typeName())
                        + " because what it uses was redefined");
            }
        }
    }

    private static String defaultOf(String type) {
        return switch (type) {
            case "boolean" -> "false";
            case "byte", "short", "int", "long", "char" -> "0";
            case "float", "double" -> "0.0";
            default -> "null";
        };
    }

    /** A declaration that compiled but cannot be used yet. */
    static String recoverableNote(JShell shell, DeclarationSnippet sn, Snippet.Status status) {
        return describe(sn) + (status == Snippet.Status.RECOVERABLE_DEFINED ? " was defined, but" : "")
                + " cannot be used until " + missing(shell, sn);
    }

    private static String missing(JShell shell, DeclarationSnippet sn) {
        String missing = String.join(", ", shell.unresolvedDependencies(sn).toList());
        return missing.isEmpty() ? "its errors are fixed"
                : missing + " " + (missing.contains(",") ? "are" : "is") + " defined";
    }

    private static String describe(DeclarationSnippet sn) {
        return switch (sn) {
            case MethodSnippet m -> "method " + m.name() + m.signature().replaceAll("\\).*", ")");
            case VarSnippet v -> "variable " + v.name();
            default -> sn.kind().name().toLowerCase(Locale.ROOT).replace("_decl", "") + " " + sn.name();
        };
    }
}
