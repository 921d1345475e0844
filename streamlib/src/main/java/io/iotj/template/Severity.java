package io.iotj.template;

/** How serious a {@link TemplateError} is: errors stop a template; warnings only inform. */
public enum Severity {
    ERROR, WARNING
}
