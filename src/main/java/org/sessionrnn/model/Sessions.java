package org.sessionrnn.model;

import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.proto.ConfigProto;

/**
 * How every session of the project is configured. TensorFlow's thread pools are process-global (the first
 * session's settings win), so all sessions share one configuration. By default: one inter-op thread and as many
 * intra-op threads as cores, since the graphs are chains of large kernels that each use all cores and extra
 * inter-op threads only oversubscribe them; {@code -Dsessionrnn.intraOp=N} / {@code -Dsessionrnn.interOp=N}
 * override (0 = TensorFlow's default).
 */
public final class Sessions {
    private Sessions() {
    }

    /** The shared session configuration. */
    public static ConfigProto config() {
        int cores = Runtime.getRuntime().availableProcessors();
        return ConfigProto.newBuilder()
                .setIntraOpParallelismThreads(Integer.getInteger("sessionrnn.intraOp", 0))
                .setInterOpParallelismThreads(Integer.getInteger("sessionrnn.interOp", 0))
                .build();
    }

    /** A session of {@code graph} with the shared configuration. */
    public static Session open(Graph graph) {
        return new Session(graph, config());
    }
}
