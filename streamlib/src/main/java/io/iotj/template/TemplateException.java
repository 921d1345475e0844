package io.iotj.template;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown by the convenience methods that return a template directly when the text or JSON has
 * errors; carries every {@link TemplateError} found. Its message is the readable list, so a
 * notebook can show it as is.
 */
public class TemplateException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<TemplateError> problems;

    public TemplateException(List<TemplateError> problems) {
        super(problems.stream().map(TemplateError::format).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    /** A single problem without a position. */
    public TemplateException(String message) {
        this(List.of(new TemplateError(Severity.ERROR, 0, 0, message, "")));
    }

    /** Every problem found (errors and warnings). */
    public List<TemplateError> problems() {
        return problems;
    }
}
