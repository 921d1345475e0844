package io.iotj.kernel.session;

/** A variable of the session: its name and declared type as written by JShell. */
public record VariableInfo(String name, String type) {
}
