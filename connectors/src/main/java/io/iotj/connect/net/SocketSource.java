package io.iotj.connect.net;

import io.iotj.connect.Backoff;
import io.iotj.connect.Overflow;
import io.iotj.connect.PayloadFormat;
import io.iotj.connect.PushSource;
import io.iotj.stream.IotStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Lines of text from a TCP server, as Spark's {@code socketTextStream} reads them (the streaming
 * lab runs {@code nc -lk 9999}): each line is a value keyed by {@code host:port}. When the server
 * closes the connection or goes away, the source connects again with backoff.
 */
final class SocketSource extends PushSource {
    private final String host;
    private final int port;
    private volatile Socket socket;
    private volatile boolean closing;
    private Thread reader;

    SocketSource(IotStream<Object> out, IotStream<Object> errors, PayloadFormat format, String host, int port,
                 int capacity, Overflow overflow) {
        super("socket", out, errors, format, capacity, overflow);
        this.host = host;
        this.port = port;
    }

    @Override
    protected String address() {
        return "tcp://" + host + ":" + port;
    }

    private Socket connect() throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress(host, port), 10_000);
        return s;
    }

    @Override
    public void open() {
        try {
            socket = connect();
        } catch (IOException e) {
            throw new SocketSourceException("cannot connect to " + address() + ": " + e.getMessage(), e);
        }
        link(Link.CONNECTED);
        reader = Thread.ofVirtual().name("iotj-socket-" + host + ":" + port).start(this::readLoop);
    }

    private void readLoop() {
        Backoff backoff = new Backoff(100, 5000);
        String key = host + ":" + port;
        while (!closing) {
            Socket s = socket;
            try {
                if (s == null) {
                    s = connect();
                    socket = s;
                    link(Link.CONNECTED);
                    backoff.reset();
                }
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                String line;
                while ((line = in.readLine()) != null) {
                    receive(new Raw(key, line, System.currentTimeMillis(), null));
                }
                problem("the server at " + address() + " closed the connection");
            } catch (InterruptedException e) {
                return;
            } catch (IOException e) {
                if (closing) {
                    return;
                }
                problem("lost " + address() + ": " + e.getMessage());
            }
            closeQuietly(s);
            socket = null;
            if (closing) {
                return;
            }
            link(Link.RECONNECTING);
            try {
                backoff.pause();
            } catch (RuntimeException stopped) {
                return;
            }
        }
    }

    private static void closeQuietly(Socket s) {
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                // closing
            }
        }
    }

    @Override
    public void close() {
        closing = true;
        super.close();
        closeQuietly(socket);
        Thread t = reader;
        if (t != null) {
            t.interrupt();
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A server that cannot be reached when the graph starts. */
    static final class SocketSourceException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SocketSourceException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
