package org.sessionrnn.model;

import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.proto.ConfigProto;

/**
 * How every session of the project is configured. TensorFlow's thread pools are process-global (the first
 * session's settings win), so all sessions share one configuration: TensorFlow's own thread counts (measured no
 * different from 2/1 or 2/2 on 2 cores, see docs/performance.md); {@code -Dsessionrnn.intraOp=N} and
 * {@code -Dsessionrnn.interOp=N} override them (0 = TensorFlow's default).
 */
public final class TfSessions {
    private TfSessions() {
    }

    /** The shared session configuration. */
    public static ConfigProto config() {
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
