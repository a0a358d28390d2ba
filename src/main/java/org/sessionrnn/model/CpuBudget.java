package org.sessionrnn.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The cores a scheduler gave this process: Slurm's {@code SLURM_CPUS_PER_TASK}, or else the container's CPU limit
 * from the cgroup ({@code cpu.max} in cgroup v2, {@code cpu.cfs_quota_us}/{@code cpu.cfs_period_us} in v1),
 * rounded up. TensorFlow sizes its thread pools from the machine's core count, which on a shared node oversubscribes
 * the cores the job was given; {@link TfSessions} uses this instead when it is known.
 *
 * @param cpus   whole cores, at least 1
 * @param source where the number came from, for run records
 */
public record CpuBudget(int cpus, String source) {
    /** The budget of this process, if a scheduler set one. */
    public static Optional<CpuBudget> detect() {
        return detect(System.getenv(), Path.of("/sys/fs/cgroup"));
    }

    /** As {@link #detect()}, from the given environment and cgroup mount point. */
    static Optional<CpuBudget> detect(Map<String, String> env, Path cgroup) {
        String slurm = env.get("SLURM_CPUS_PER_TASK");
        if (slurm != null && !slurm.isBlank()) {
            try {
                int n = Integer.parseInt(slurm.trim());
                if (n >= 1) {
                    return Optional.of(new CpuBudget(n, "SLURM_CPUS_PER_TASK"));
                }
            } catch (NumberFormatException e) {
                // not a number: fall through to the cgroup
            }
        }
        return cgroupV2(cgroup.resolve("cpu.max")).or(() -> cgroupV1(cgroup.resolve("cpu")));
    }

    private static Optional<CpuBudget> cgroupV2(Path cpuMax) {
        return read(cpuMax).flatMap(text -> {
            String[] parts = text.trim().split("\\s+");
            return parts.length == 2 ? quota(parts[0], parts[1], "cgroup cpu.max") : Optional.empty();
        });
    }

    private static Optional<CpuBudget> cgroupV1(Path dir) {
        return read(dir.resolve("cpu.cfs_quota_us")).flatMap(q -> read(dir.resolve("cpu.cfs_period_us"))
                .flatMap(p -> quota(q.trim(), p.trim(), "cgroup cpu.cfs_quota_us")));
    }

    private static Optional<CpuBudget> quota(String quota, String period, String source) {
        try {
            if ("max".equals(quota) || Long.parseLong(quota) <= 0) {
                return Optional.empty(); // no limit
            }
            long q = Long.parseLong(quota);
            long p = Long.parseLong(period);
            return p <= 0 ? Optional.empty() : Optional.of(new CpuBudget((int) Math.max(1, (q + p - 1) / p), source));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> read(Path file) {
        try {
            return Files.isReadable(file) ? Optional.of(Files.readString(file)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
