package org.sessionrnn.model;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.proto.NodeExecStats;
import org.tensorflow.proto.RunMetadata;
import org.tensorflow.proto.RunOptions;
import org.tensorflow.proto.StepStats;

/**
 * Where a step's time goes: runs M1's training or ranking step with {@code FULL_TRACE} and sums the executed
 * nodes' wall time per op type (and per named op for the largest ones). With 2 cores and parallel kernels the
 * sum can exceed the step's wall time; the shares are what matter.
 */
public final class OpProfile {
    private OpProfile() {
    }

    /**
     * Milliseconds per op type (or per node when {@code byNode}) of one training step on {@code batch}, largest
     * first.
     */
    public static Map<String, Double> trainStep(NeuralModel model, Batch batch, float learningRate, boolean byNode) {
        return sum(model.graph(), traced(model.trainRunner(batch, learningRate)), byNode);
    }

    /** Milliseconds per op type (or per node) of one ranking step on {@code batch}, largest first. */
    public static Map<String, Double> rankStep(NeuralModel model, Batch batch, boolean byNode) {
        return sum(model.graph(), traced(model.rankRunner(batch)), byNode);
    }

    private static RunMetadata traced(Session.Runner runner) {
        RunOptions options = RunOptions.newBuilder().setTraceLevel(RunOptions.TraceLevel.FULL_TRACE).build();
        try (Result r = runner.setOptions(options).runAndFetchMetadata()) {
            return r.getMetadata().orElseThrow(() -> new IllegalStateException("no run metadata"));
        }
    }

    private static Map<String, Double> sum(Graph graph, RunMetadata metadata, boolean byNode) {
        Function<GraphOperation, String> key = byNode ? GraphOperation::name : GraphOperation::type;
        Map<String, Double> millis = new HashMap<>();
        StepStats stats = metadata.getStepStats();
        stats.getDevStatsList().forEach(device -> {
            for (NodeExecStats node : device.getNodeStatsList()) {
                GraphOperation op = graph.operation(node.getNodeName());
                String k = op == null ? node.getNodeName() : key.apply(op);
                millis.merge(k, node.getAllEndRelMicros() / 1000.0, Double::sum);
            }
        });
        Map<String, Double> sorted = new LinkedHashMap<>();
        millis.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }
}
