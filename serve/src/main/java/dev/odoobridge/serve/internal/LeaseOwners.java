package dev.odoobridge.serve.internal;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Lease owner ids unique per process: host, pid and a random suffix (containers often share pid 1). */
public final class LeaseOwners {
    private static final SecureRandom RANDOM = new SecureRandom();

    private LeaseOwners() {
    }

    /** A new id: {@code <host>:<pid>:<8 hex digits>}. */
    public static String unique(String role) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        byte[] random = new byte[4];
        RANDOM.nextBytes(random);
        return host + ":" + ManagementFactory.getRuntimeMXBean().getPid() + ":" + role + "-" + HexFormat.of().formatHex(random);
    }
}
