package org.sessionrnn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cores a scheduler gave: Slurm's variable first, then the cgroup's CPU quota, rounded up. */
class CpuBudgetTest {
    @TempDir
    Path cgroup;

    @Test
    void slurmCpusPerTaskWins() throws Exception {
        Files.writeString(cgroup.resolve("cpu.max"), "400000 100000\n");
        assertEquals(Optional.of(new CpuBudget(3, "SLURM_CPUS_PER_TASK")),
                CpuBudget.detect(Map.of("SLURM_CPUS_PER_TASK", "3"), cgroup));
    }

    @Test
    void cgroupV2QuotaIsRoundedUp() throws Exception {
        Files.writeString(cgroup.resolve("cpu.max"), "150000 100000\n");
        assertEquals(Optional.of(new CpuBudget(2, "cgroup cpu.max")), CpuBudget.detect(Map.of(), cgroup));
        Files.writeString(cgroup.resolve("cpu.max"), "50000 100000\n");
        assertEquals(1, CpuBudget.detect(Map.of(), cgroup).orElseThrow().cpus(), "half a core: one thread");
    }

    @Test
    void noLimitMeansNoBudget() throws Exception {
        assertEquals(Optional.empty(), CpuBudget.detect(Map.of(), cgroup), "no cgroup files");
        Files.writeString(cgroup.resolve("cpu.max"), "max 100000\n");
        assertEquals(Optional.empty(), CpuBudget.detect(Map.of("SLURM_CPUS_PER_TASK", "x"), cgroup));
    }

    @Test
    void cgroupV1Quota() throws Exception {
        Files.createDirectories(cgroup.resolve("cpu"));
        Files.writeString(cgroup.resolve("cpu/cpu.cfs_quota_us"), "200000\n");
        Files.writeString(cgroup.resolve("cpu/cpu.cfs_period_us"), "100000\n");
        assertEquals(Optional.of(new CpuBudget(2, "cgroup cpu.cfs_quota_us")), CpuBudget.detect(Map.of(), cgroup));
        Files.writeString(cgroup.resolve("cpu/cpu.cfs_quota_us"), "-1\n");
        assertEquals(Optional.empty(), CpuBudget.detect(Map.of(), cgroup));
    }
}
