package io.iotj.remote.node;

import io.iotj.remote.BrokerUri;
import io.iotj.remote.security.Secret;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The node's command line.
 *
 * @param broker       broker URI ({@code --broker}, else {@code IOTJ_BROKER}, else the local default)
 * @param name         the node's name ({@code --name}), unique among nodes
 * @param secretFile   where the shared secret is ({@code --secret-file}, default {@code ~/.iotj/secret})
 * @param secretFromFile true when {@code --secret-file} was given (it then wins over {@code IOTJ_SECRET})
 * @param initSecret   create the secret file and exit
 * @param takesShared  false with {@code --pinned-only}: the kernel places here only parts pinned to this node by name
 * @param help         print usage
 */
public record NodeOptions(String broker, String name, Path secretFile, boolean secretFromFile, boolean initSecret,
                          boolean takesShared, boolean help) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.\\-]{1,64}");

    /** Usage text. */
    public static final String USAGE = """
            usage: iotj-node --name NAME [--broker amqp://USER:PASS@HOST[:PORT]] [--secret-file FILE] [--pinned-only]
                   iotj-node --init-secret [--secret-file FILE]
              --broker       RabbitMQ URI (default: $IOTJ_BROKER, else amqp://guest:guest@127.0.0.1:5672)
              --name         this node's name: letters, digits, '-', '_', '.'
              --secret-file  shared secret that signs commands (default: $IOTJ_SECRET, else ~/.iotj/secret)
              --pinned-only  run only parts addressed to this node by name
              --init-secret  create the secret file (owner-only) if it does not exist, then exit""";

    /** Parses the arguments; errors say which argument is wrong. */
    public static NodeOptions parse(String... args) {
        String broker = null, name = null;
        Path secret = Secret.defaultFile();
        boolean fromFile = false, init = false, shared = true, help = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--broker" -> broker = value(args, ++i, a);
                case "--name" -> name = value(args, ++i, a);
                case "--secret-file" -> { secret = Path.of(value(args, ++i, a)); fromFile = true; }
                case "--init-secret" -> init = true;
                case "--pinned-only" -> shared = false;
                case "-h", "--help" -> help = true;
                default -> throw new IllegalArgumentException("unknown argument '" + a + "'");
            }
        }
        broker = BrokerUri.resolve(broker);
        BrokerUri.check(broker);
        if (!init && !help) {
            if (name == null) throw new IllegalArgumentException("--name is required");
            if (!NAME.matcher(name).matches())
                throw new IllegalArgumentException("--name '" + name + "': use 1-64 letters, digits, '-', '_' or '.'");
        }
        return new NodeOptions(broker, name, secret, fromFile, init, shared, help);
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length || args[i].startsWith("--")) throw new IllegalArgumentException(flag + " needs a value");
        return args[i];
    }
}
