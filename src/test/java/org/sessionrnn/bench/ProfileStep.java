package org.sessionrnn.bench;

import java.util.HashMap;
import java.util.Map;
import org.sessionrnn.model.Batch;
import org.sessionrnn.model.OpProfile;
import org.sessionrnn.model.NeuralModel;
import org.sessionrnn.model.ModelParts;
import org.sessionrnn.model.NegativeSampler;
import org.sessionrnn.model.SampledSoftmaxLoss;
import org.sessionrnn.model.SoftmaxBlock;
import org.sessionrnn.model.SoftmaxLoss;
import org.sessionrnn.model.TrainingOptions;

/**
 * Developer tool behind {@code docs/performance.md}: the per-op-type time of M1's training and ranking steps
 * (summed over a few traced steps after warm-up). Usage: {@code ProfileStep [ITEMS [GRU [BATCH [STEPS
 * [NEGATIVES]]]]]}; with NEGATIVES, m1norm's block (tied, output dropout 0.6, scale 16) instead, trained with a
 * full softmax (0) or that many sampled negatives.
 */
public final class ProfileStep {
    private ProfileStep() {
    }

    public static void main(String[] args) {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 37483;
        int gru = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 512;
        int traced = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        BenchSettings s = new BenchSettings(items, 50, gru, batch, 19, 1, 1, traced, 1);
        Batch[] batches = new ModelBench(s).batches();
        ModelParts parts = SoftmaxBlock.m1(items, 50, gru, 19, 1);
        if (args.length > 4) {
            int negatives = Integer.parseInt(args[4]);
            int[] counts = NegativeSampler.uniformCounts(items);
            parts = SoftmaxBlock.parts(items, gru, gru, 19, 1, new SoftmaxBlock.Options(0.6, true, 16),
                    negatives == 0 ? SoftmaxLoss::new : () -> new SampledSoftmaxLoss(new NegativeSampler(counts,
                            negatives, 1)), TrainingOptions.ADAM);
        }
        try (NeuralModel model = NeuralModel.build(parts)) {
            for (int i = 0; i < 3; i++) {
                model.trainStep(batches[0], 0.001f);
                OpProfile.rankStep(model, batches[0], false);
            }
            for (boolean byNode : new boolean[]{false, true}) {
                Map<String, Double> train = new HashMap<>();
                Map<String, Double> rank = new HashMap<>();
                for (Batch b : batches) {
                    OpProfile.trainStep(model, b, 0.001f, byNode).forEach((k, v) -> train.merge(k, v, Double::sum));
                    OpProfile.rankStep(model, b, byNode).forEach((k, v) -> rank.merge(k, v, Double::sum));
                }
                print("training step" + (byNode ? " by node" : ""), train, batches.length);
                print("ranking step" + (byNode ? " by node" : ""), rank, batches.length);
            }
        }
    }

    private static void print(String title, Map<String, Double> millis, int steps) {
        double total = millis.values().stream().mapToDouble(Double::doubleValue).sum();
        System.out.printf("%s: %.1f ms of op time per step%n", title, total / steps);
        millis.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(14)
                .forEach(e -> System.out.printf("  %-60s %8.2f ms %5.1f%%%n", e.getKey(), e.getValue() / steps,
                        100 * e.getValue() / total));
    }
}
