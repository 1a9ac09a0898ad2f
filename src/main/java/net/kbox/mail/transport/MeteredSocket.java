package net.kbox.mail.transport;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * The plain TCP socket of an attempt, under TLS if any, keeping the attempt's {@link AttemptLimits} on every
 * connect, read and write: no wait goes past the deadline, and a reply stops at its size limit. Everything
 * else is the wrapped socket's.
 */
final class MeteredSocket extends ForwardingSocket {

    private final AttemptLimits limits;
    private @Nullable InputStream in;
    private @Nullable OutputStream out;

    MeteredSocket(Socket socket, AttemptLimits limits) {
        super(socket);
        this.limits = limits;
        limits.metering();
    }

    @Override
    public synchronized InputStream getInputStream() throws IOException {
        if (in == null) {
            in = new Input(socket.getInputStream());
        }
        return in;
    }

    @Override
    public synchronized OutputStream getOutputStream() throws IOException {
        if (out == null) {
            out = new Output(socket.getOutputStream());
        }
        return out;
    }

    @Override
    public void connect(SocketAddress endpoint, int timeout) throws IOException {
        socket.connect(endpoint, limits.waitMillis());
    }

    /** Reads within the limits: each read waits at most until the deadline, and counts towards the reply. */
    private final class Input extends FilterInputStream {

        Input(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            socket.setSoTimeout(limits.waitMillis());
            int read;
            try {
                read = in.read(bytes, offset, length);
            } catch (SocketTimeoutException e) {
                if (!limits.passed()) {
                    throw e; // the timeout of this one wait
                }
                var overrun = limits.overrun();
                overrun.initCause(e);
                throw overrun;
            }
            if (read > 0) {
                limits.received(read);
            }
            return read;
        }
    }

    /** Writes before the deadline; each write ends the server's turn. */
    private final class Output extends FilterOutputStream {

        Output(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (limits.passed()) {
                throw limits.overrun();
            }
            out.write(bytes, offset, length);
            limits.sent();
        }
    }

    @Override
    public String toString() {
        return "metered " + socket;
    }
}
