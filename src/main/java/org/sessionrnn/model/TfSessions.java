package org.sessionrnn.model;

import java.util.Optional;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.proto.ConfigProto;

/**
 * How every session of the project is configured. TensorFlow's thread pools are process-global (the first
 * session's settings win), so all sessions share one configuration: TensorFlow's own thread counts (measured no
 * different from 2/1 or 2/2 on 2 cores, see docs/performance.md), unless a scheduler gave the process fewer cores
 * ({@link CpuBudget}: {@code SLURM_CPUS_PER_TASK} or the container's CPU limit), then that many threads in both
 * pools; {@code -Dsessionrnn.intraOp=N} and {@code -Dsessionrnn.interOp=N} override either (0 = TensorFlow's
 * default). The thread counts change the speed only, not the results.
 */
public final class TfSessions {
    /** JVM property overriding the intra-op thread count. */
    public static final String INTRA_OP = "sessionrnn.intraOp";
    /** JVM property overriding the inter-op thread count. */
    public static final String INTER_OP = "sessionrnn.interOp";

    private TfSessions() {
    }

    /** The shared session configuration. */
    public static ConfigProto config() {
        int budget = CpuBudget.detect().map(CpuBudget::cpus).orElse(0);
        return ConfigProto.newBuilder()
                .setIntraOpParallelismThreads(Integer.getInteger(INTRA_OP, budget))
                .setInterOpParallelismThreads(Integer.getInteger(INTER_OP, budget))
                .build();
    }

    /** The thread settings in use and where they come from, for run records, e.g. {@code intra=1 inter=1 (SLURM_CPUS_PER_TASK)}. */
    public static String describe() {
        ConfigProto c = config();
        Optional<CpuBudget> budget = CpuBudget.detect();
        String source = System.getProperty(INTRA_OP) != null || System.getProperty(INTER_OP) != null ? "-D override"
                : budget.map(CpuBudget::source).orElse("TensorFlow default, 0 = all cores");
        return "intra=" + c.getIntraOpParallelismThreads() + " inter=" + c.getInterOpParallelismThreads() + " ("
                + source + ")";
    }

    /** A session of {@code graph} with the shared configuration. */
    public static Session open(Graph graph) {
        return new Session(graph, config());
    }
}
