package io.iotj.kernel.jshell;

/** A host class that snippets use, standing in for the display API and streamlib. */
public class HostGreeter {
    public String greet(String name) {
        return "hello " + name;
    }
}
