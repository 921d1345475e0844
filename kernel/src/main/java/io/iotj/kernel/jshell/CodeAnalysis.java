package io.iotj.kernel.jshell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jdk.jshell.SourceCodeAnalysis;

/**
 * Completion, inspection (signatures and Javadoc) and is-complete answers, from JShell's
 * {@link SourceCodeAnalysis}. Called under the evaluator's lock.
 */
final class CodeAnalysis {
    private final SessionState state;
    /** Javadoc lookups cost 50-500 ms; frontends repeat them while the user types a call's arguments. */
    private final Map<String, List<Documentation>> inspectCache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<Documentation>> eldest) {
            return size() > 64;
        }
    };

    CodeAnalysis(SessionState state) {
        this.state = state;
    }

    /** Exercises completion, completeness, Javadoc and the parser once, in steps a caller may let cells run between. */
    static List<Runnable> warmUpSteps(SourceCodeAnalysis analysis) {
        return List.of(
                () -> analysis.completionSuggestions("Str", 3, new int[1]),
                () -> analysis.completionSuggestions("\"\".len", 6, new int[1]),
                () -> analysis.analyzeCompletion("int x = "),
                () -> analysis.documentation("Math.abs(", 9, true),
                () -> SyntaxCheck.parses("int x = 1;"));
    }

    Completion complete(SourceCodeAnalysis analysis, String code, int at) {
        int[] anchor = new int[1];
        List<SourceCodeAnalysis.Suggestion> suggestions = analysis.completionSuggestions(code, at, anchor);
        Set<String> typed = new LinkedHashSet<>();
        Set<String> rest = new LinkedHashSet<>();
        for (SourceCodeAnalysis.Suggestion s : suggestions) {
            (s.matchesType() ? typed : rest).add(s.continuation());
        }
        typed.addAll(rest);
        int start = anchor[0] >= 0 && anchor[0] <= at ? anchor[0] : at;
        return new Completion(new ArrayList<>(typed), start, at);
    }

    /**
     * @param generation changes whenever the session may have changed; keys the cache
     */
    List<Documentation> inspect(SourceCodeAnalysis analysis, long generation, String code, int at) {
        String key = generation + "\u0000" + at + "\u0000" + code;
        List<Documentation> docs = inspectCache.get(key);
        if (docs == null) {
            docs = List.copyOf(jshellDocumentation(analysis, code, at));
            inspectCache.put(key, docs);
        }
        // not cached: a variable's value may change without an evaluation (e.g. from a graph's thread)
        Optional<Documentation> variable = variableDoc(code, at);
        if (variable.isPresent() && docs.stream().allMatch(d -> d.javadoc().isEmpty())) {
            return List.of(variable.get()); // JShell only says "name:type" for session variables
        }
        return docs;
    }

    private static List<Documentation> jshellDocumentation(SourceCodeAnalysis analysis, String code, int at) {
        List<Documentation> docs = new ArrayList<>();
        for (SourceCodeAnalysis.Documentation d : analysis.documentation(code, at, true)) {
            docs.add(new Documentation(d.signature(), d.javadoc() == null ? "" : d.javadoc().strip()));
        }
        if (docs.isEmpty() && at < code.length()) {
            // JShell documents what ends at the cursor; from inside a name, look at its end, or into its call
            int end = at;
            while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) {
                end++;
            }
            for (int probe : new int[] {end, end + 1}) {
                if (docs.isEmpty() && probe > at && probe <= code.length()
                        && (probe == end || code.charAt(end) == '(')) {
                    for (SourceCodeAnalysis.Documentation d : analysis.documentation(code, probe, true)) {
                        docs.add(new Documentation(d.signature(), d.javadoc() == null ? "" : d.javadoc().strip()));
                    }
                }
            }
        }
        return docs;
    }

    /**
     * A session variable under the cursor: its declared type, and its value when showing it runs no user code
     * (a user's {@code toString} could hang the kernel's thread).
     */
    private Optional<Documentation> variableDoc(String code, int at) {
        int start = at;
        while (start > 0 && Character.isJavaIdentifierPart(code.charAt(start - 1))) {
            start--;
        }
        int end = at;
        while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) {
            end++;
        }
        String name = code.substring(start, end);
        String type = state.typeOf(name);
        if (type == null || (start > 0 && code.charAt(start - 1) == '.')) {
            return Optional.empty();
        }
        Object value = state.variable(name).orElse(null);
        String shown;
        if (value == null) {
            shown = "null";
        } else if (value instanceof String str) {
            shown = "\"" + (str.length() > 200 ? str.substring(0, 200) + "…" : str) + "\"";
        } else if (value instanceof Number || value instanceof Boolean || value instanceof Character
                || value instanceof Enum<?>) {
            shown = String.valueOf(value);
        } else {
            shown = "a " + value.getClass().getName();
        }
        return Optional.of(new Documentation(type + " " + name, name + " = " + shown));
    }

    /** Whether {@code code} is complete, needs more lines, or can never compile as written. */
    static Completeness isComplete(SourceCodeAnalysis analysis, String code) {
        return CompletenessCheck.check(analysis, code);
    }

    /** The answer without JShell, while a cell keeps it busy: open brackets alone decide. */
    static Completeness isCompleteByBrackets(String code) {
        String indent = CompletenessCheck.indentFor(code);
        return new Completeness(indent.isEmpty() ? Completeness.Verdict.COMPLETE : Completeness.Verdict.INCOMPLETE,
                indent);
    }
}
