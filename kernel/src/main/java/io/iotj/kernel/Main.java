package io.iotj.kernel;

import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import io.iotj.kernel.jshell.EvaluatorConfig;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts the iotj kernel: {@code java -cp 'lib/*' io.iotj.kernel.Main <connection-file>}.
 * Exits with status 0 after a {@code shutdown_request}, 2 on bad arguments, 1 when the
 * sockets cannot be bound.
 */
public final class Main {
    /** The kernel's version, reported as {@code implementation_version}. */
    public static final String VERSION = "0.1.0";

    private Main() {
    }

    /**
     * Jupyter names the process that started the kernel in {@code JPY_PARENT_PID}; when that
     * process dies without a shutdown request (a killed client), the kernel ends too instead of
     * running on unseen.
     */
    private static void exitWithParent(PrintStream log) {
        String pid = System.getenv("JPY_PARENT_PID");
        if (pid == null || pid.isBlank()) return;
        try {
            ProcessHandle.of(Long.parseLong(pid.trim())).ifPresentOrElse(
                    parent -> parent.onExit().thenRun(() -> {
                        log.println("iotj: the process that started the kernel (" + pid + ") ended; exiting");
                        Runtime.getRuntime().halt(0);
                    }),
                    () -> log.println("iotj: JPY_PARENT_PID " + pid + " is not running"));
        } catch (NumberFormatException e) {
            log.println("iotj: ignoring JPY_PARENT_PID=" + pid + " (not a process id)");
        }
    }

    public static void main(String[] args) throws Exception {
        PrintStream log = System.err;
        if (args.length != 1) {
            log.println("usage: java -cp <classpath> io.iotj.kernel.Main <jupyter-connection-file>");
            System.exit(2);
        }
        // Charts render to images; no display is needed or wanted.
        System.setProperty("java.awt.headless", "true");
        Logger.getLogger("").setLevel(Level.WARNING);
        KernelConnectionProperties props;
        try {
            props = KernelConnectionProperties.parse(Files.readString(Path.of(args[0])));
        } catch (IOException | RuntimeException e) {
            log.println("iotj: cannot read the connection file " + args[0] + ": " + e.getMessage());
            System.exit(2);
            return;
        }
        IotjKernel kernel = new IotjKernel();
        KernelServer server;
        try {
            server = new KernelServer(kernel, props, log);
            server.start(EvaluatorConfig.builder().startup(IotjKernel.DISPLAY_IMPORT).build());
        } catch (Exception e) {
            log.println("iotj: cannot start: " + e);
            System.exit(1);
            return;
        }
        exitWithParent(log);
        server.awaitShutdown();
        server.close();
        // Threads the user started are not ours to wait for; the session is over.
        System.exit(0);
    }
}
