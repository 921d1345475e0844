package io.iotj.template;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What reading template text or JSON gives: the templates read (with their positions) and every
 * problem found, errors and warnings, in source order. Errors never escape as exceptions from the
 * readers; {@link #templatesOrThrow()} turns them into a {@link TemplateException} when wanted.
 *
 * @param templates the templates read; empty when the text could not be read at all
 * @param problems  every error and warning found
 */
public record TemplateResult(List<ParsedTemplate> templates, List<TemplateError> problems) {
    public TemplateResult {
        templates = List.copyOf(templates);
        problems = List.copyOf(problems);
    }

    /** True when no problem is an error (warnings allowed). */
    public boolean ok() {
        return problems.stream().noneMatch(TemplateError::isError);
    }

    /** The errors only. */
    public List<TemplateError> errors() {
        return problems.stream().filter(TemplateError::isError).toList();
    }

    /** The warnings only. */
    public List<TemplateError> warnings() {
        return problems.stream().filter(p -> !p.isError()).toList();
    }

    /** The models, or a {@link TemplateException} carrying the problems when there are errors. */
    public List<Template> templatesOrThrow() {
        if (!ok()) {
            throw new TemplateException(problems);
        }
        return templates.stream().map(ParsedTemplate::template).toList();
    }

    /** The only template, or a {@link TemplateException} when there are errors or not exactly one. */
    public Template template() {
        List<Template> all = templatesOrThrow();
        if (all.size() != 1) {
            throw new TemplateException("expected one template, found " + all.size());
        }
        return all.get(0);
    }

    /** Every problem in its readable form, one after another. */
    public String format() {
        return problems.stream().map(TemplateError::format).collect(Collectors.joining("\n"));
    }
}
