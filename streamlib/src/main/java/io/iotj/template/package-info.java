/**
 * IoTpy's template model (IoTpy's JSON) and what works on it without text: {@link
 * io.iotj.template.Template} and its parts, {@link io.iotj.template.TemplateJson} (read and write
 * the JSON exactly), {@link io.iotj.template.TemplateLibrary} (templates by name, with the leaf
 * signatures), {@link io.iotj.template.TemplateValidator} (checks before anything runs) and the
 * error values ({@link io.iotj.template.TemplateError}, {@link io.iotj.template.TemplateResult})
 * that carry line, column and a caret excerpt. {@link io.iotj.template.SourceMap} keeps where
 * each piece was written, beside the model.
 */
package io.iotj.template;
