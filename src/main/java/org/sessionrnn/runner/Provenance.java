package org.sessionrnn.runner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.sessionrnn.results.RunProvenance;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.tensorflow.TensorFlow;

/**
 * Facts that make a run reproducible and comparable: code version, library versions, machine and device.
 * Gathered once per experiment.
 */
public final class Provenance {
    private Provenance() {
    }

    /** Versions, git commit, machine and device. */
    public static RunProvenance collect(Path workingDir) {
        return new RunProvenance(new RunProvenance.Environment(
                String.valueOf(Provenance.class.getPackage().getImplementationVersion()), gitCommit(workingDir),
                System.getProperty("java.version"), TensorFlow.version(),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                Integer.toString(Runtime.getRuntime().availableProcessors()), device(), Instant.now().toString()),
                null, null, null, null, null, null, Map.of());
    }

    /**
     * The native build in use. The GPU build runs on the CPU when no CUDA driver is found, so this names the
     * build and whether a CUDA driver library is visible.
     */
    static String device() {
        boolean gpuBuild = isOnClasspath("org/bytedeco/tensorflow/linux-x86_64-gpu")
                || System.getProperty("java.class.path", "").contains("linux-x86_64-gpu");
        if (!gpuBuild) {
            return "cpu";
        }
        boolean driver = Path.of("/usr/lib/x86_64-linux-gnu/libcuda.so.1").toFile().exists()
                || Path.of("/usr/lib64/libcuda.so.1").toFile().exists();
        return driver ? "gpu (linux-x86_64-gpu build, CUDA driver found)" : "cpu (linux-x86_64-gpu build, no CUDA driver)";
    }

    private static boolean isOnClasspath(String resource) {
        return Provenance.class.getClassLoader().getResource(resource) != null;
    }

    /** HEAD of the git checkout the runner is started from, with "-dirty" when it has local changes. */
    static String gitCommit(Path workingDir) {
        String head = git(workingDir, "rev-parse", "HEAD");
        if (head.isEmpty()) {
            return "unknown";
        }
        String status = git(workingDir, "status", "--porcelain", "--untracked-files=no");
        return status.isEmpty() ? head : head + "-dirty";
    }

    private static String git(Path dir, String... args) {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "git";
        System.arraycopy(args, 0, cmd, 1, args.length);
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return "";
            }
            return new String(out, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
