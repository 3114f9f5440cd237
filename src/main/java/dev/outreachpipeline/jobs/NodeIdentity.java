package dev.outreachpipeline.jobs;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Who holds a claim: host, process and a random suffix (a restarted process on the same host
 * gets a new identity, so it never mistakes its predecessor's claims for its own).
 */
public final class NodeIdentity {

    private final String node;

    public NodeIdentity() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "localhost";
        }
        this.node = host + ":" + ProcessHandle.current().pid() + ":"
                + HexFormat.of()
                        .toHexDigits(ThreadLocalRandom.current().nextInt())
                        .substring(0, 4);
    }

    public String node() {
        return node;
    }

    /** The identity a worker of this node claims jobs with. */
    public String worker(int number) {
        return node + "/w" + number;
    }

    @Override
    public String toString() {
        return node;
    }
}
