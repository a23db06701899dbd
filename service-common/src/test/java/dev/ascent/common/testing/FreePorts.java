package dev.ascent.common.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/**
 * Ports for services a test starts. The kernel may hand out the same ephemeral port to two binds in a row once the
 * first socket is closed, so asking it twice is not enough for two services: a CI run once got one port for both
 * and the second service failed to bind. This never returns a port it returned before in this JVM.
 */
public final class FreePorts {

    private static final Set<Integer> handedOut = new HashSet<>();

    private FreePorts() {}

    /** A loopback port nobody listens on now, and one this JVM has not handed out before. */
    public static synchronized int next() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port;
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (handedOut.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no fresh port after 100 tries; handed out so far: " + handedOut.size());
    }
}
