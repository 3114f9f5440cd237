package dev.outreachpipeline.sending;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A minimal SMTP server whose replies a test chooses, to make Angus Mail meet what GreenMail never
 * does: a 5xx for a mailbox, a greylisting 451 after the data, a server that falls silent or hangs up
 * at a given step. Replies are keyed by GREETING, EHLO, HELO, MAIL, RCPT, DATA, END (after the final
 * dot), RSET, NOOP and QUIT.
 */
final class ScriptedSmtpServer implements AutoCloseable {

    /** Never answer: the client's read timeout fires. */
    static final String SILENT = "<silent>";
    /** Hang up instead of answering. */
    static final String HANG_UP = "<hang up>";

    private final ServerSocket server;
    private final Map<String, String> replies = new HashMap<>(Map.of(
            "GREETING", "220 test.example ESMTP",
            "EHLO", "250 test.example",
            "HELO", "250 test.example",
            "MAIL", "250 2.1.0 OK",
            "RCPT", "250 2.1.5 OK",
            "DATA", "354 End data with <CR><LF>.<CR><LF>",
            "END", "250 2.0.0 OK queued",
            "RSET", "250 2.0.0 OK",
            "NOOP", "250 2.0.0 OK",
            "QUIT", "221 2.0.0 Bye"));
    private final Thread thread;

    ScriptedSmtpServer(Map<String, String> overrides) throws IOException {
        replies.putAll(overrides);
        server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        thread = new Thread(this::serve, "scripted-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                converse(socket);
            } catch (IOException e) {
                // closed by the test, or the client went away: wait for the next connection
            }
        }
    }

    private void converse(Socket socket) throws IOException {
        var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
        OutputStream out = socket.getOutputStream();
        if (!reply(socket, in, out, "GREETING")) {
            return;
        }
        boolean data = false;
        String line;
        while ((line = in.readLine()) != null) {
            if (data) {
                if (line.equals(".")) {
                    data = false;
                    if (!reply(socket, in, out, "END")) {
                        return;
                    }
                }
                continue;
            }
            String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line;
            if (!replies.containsKey(verb)) {
                out.write("502 5.5.2 Command not recognised\r\n".getBytes(StandardCharsets.US_ASCII));
                continue;
            }
            if (!reply(socket, in, out, verb)) {
                return;
            }
            data = verb.equals("DATA") && replies.get("DATA").startsWith("354");
            if (verb.equals("QUIT")) {
                return;
            }
        }
    }

    /** @return false when the conversation is over */
    private boolean reply(Socket socket, BufferedReader in, OutputStream out, String key) throws IOException {
        String reply = replies.get(key);
        if (reply.equals(HANG_UP)) {
            socket.close();
            return false;
        }
        if (reply.equals(SILENT)) {
            // Read on without answering until the client gives up and closes.
            while (in.readLine() != null) {
                // ignore
            }
            return false;
        }
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return true;
    }

    @Override
    public void close() throws IOException {
        server.close();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
