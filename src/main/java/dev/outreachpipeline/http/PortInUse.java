package dev.outreachpipeline.http;

import dev.outreachpipeline.OutreachException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * The one sentence a daemon prints when it cannot listen where it is configured to (a second daemon,
 * another program on the port): which address, for what, and which setting to change. Exit code 2,
 * as for other settings a person has to change; a restart would only repeat it.
 */
public final class PortInUse {

    /** What the CLI exits with: a setting has to change (as {@code cli.ExitCodes.USAGE}). */
    static final int EXIT_CODE = 2;

    private PortInUse() {}

    /**
     * Fails with the sentence when nothing can listen on {@code host:port} now. Port 0 (any free port)
     * always can. Checked before the daemon starts anything, so that no framework prints its stack
     * trace over the sentence.
     *
     * @param what    what was to listen there, "the management endpoints"
     * @param setting the setting(s) that choose the address, as the sentence names them
     */
    public static void requireFree(String what, String host, int port, String setting) {
        if (port == 0) {
            return;
        }
        try (var socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
        } catch (IOException e) {
            throw describe(e, what, host, port, setting);
        }
    }

    /** The sentence for a failed listen: {@code cause} is what the socket layer said. */
    public static OutreachException describe(Throwable cause, String what, String host, int port, String setting) {
        String address = (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        // java.net.BindException, or Netty's native error with the same words
        String why = String.valueOf(cause.getMessage()).contains("in use")
                ? "the port is in use (is another daemon or program listening there?)"
                : String.valueOf(cause.getMessage());
        return new OutreachException(
                "Cannot listen on " + address + " for " + what + ": " + why + "; change " + setting
                        + ", or stop what holds it.",
                EXIT_CODE,
                cause);
    }
}
