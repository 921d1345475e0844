/**
 * Template text to the model and back: {@link io.iotj.parse.TemplateParser} (the language of the
 * IoTpy thesis, section 3.2, by IoTpy's algorithm, with positioned errors) and {@link
 * io.iotj.parse.TemplatePrinter} (the model as text). The lexer, parser and compiler inside are
 * package-private.
 */
package io.iotj.parse;
