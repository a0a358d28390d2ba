package org.sessionrnn.claims;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Who holds a claim: host, process id and that process's start time (so that a reused pid is not mistaken for the
 * holder), and a random token that tells apart two workers in one JVM.
 *
 * @param host    the host name
 * @param pid     the process id on that host
 * @param started the process's start time, or "unknown"
 * @param token   random, unique per worker
 */
public record WorkerId(String host, long pid, String started, String token) {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new worker identity for this process. */
    public static WorkerId create() {
        ProcessHandle self = ProcessHandle.current();
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        return new WorkerId(localHost(), self.pid(), startOf(self), HexFormat.of().formatHex(bytes));
    }

    /** This machine's host name (the kernel's, which Slurm and Kubernetes set), or "localhost". */
    public static String localHost() {
        for (String file : new String[]{"/proc/sys/kernel/hostname", "/etc/hostname"}) {
            try {
                String name = Files.readString(Path.of(file)).trim();
                if (!name.isEmpty()) {
                    return name;
                }
            } catch (IOException | RuntimeException e) {
                // try the next source
            }
        }
        String env = System.getenv("HOSTNAME");
        return env == null || env.isBlank() ? "localhost" : env.trim();
    }

    private static String startOf(ProcessHandle p) {
        return p.info().startInstant().map(Instant::toString).orElse("unknown");
    }

    /** {@code host:pid}, for messages. */
    public String label() {
        return host + ":" + pid;
    }

    /**
     * Known dead: on this host, and its process is gone or is another process with the same pid. A worker on
     * another host is never known dead; only its heartbeat tells.
     */
    public boolean knownDead() {
        if (!host.equals(localHost())) {
            return false;
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .map(p -> "unknown".equals(started) || started.equals(startOf(p)))
                .map(sameProcess -> !sameProcess).orElse(true);
    }
}
