package io.iotj.kernel.wire;

import io.github.spencerpark.jupyter.channels.JupyterSocket;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import io.github.spencerpark.jupyter.messages.HMACGenerator;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

import java.util.logging.Logger;

/**
 * One Jupyter socket. The basekernel's {@link JupyterSocket} does the framing, signing and
 * JSON mapping of messages; unlike its channel classes this one starts no polling loop of
 * its own: {@link WireConnection} polls without sleeping.
 */
final class WireSocket extends JupyterSocket {
    WireSocket(ZMQ.Context context, SocketType type, HMACGenerator hmac, String name) {
        super(context, type, hmac, Logger.getLogger("iotj." + name));
    }

    @Override
    public void bind(KernelConnectionProperties connProps) {
        throw new UnsupportedOperationException("bind with an address");
    }

    void bindTo(String transport, String ip, int port) {
        super.bind(formatAddress(transport, ip, port));
    }
}
