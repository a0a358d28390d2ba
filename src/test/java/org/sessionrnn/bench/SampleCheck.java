package org.sessionrnn.bench;

import org.sessionrnn.eval.ValidationRanking;
import java.nio.file.Path;
import java.util.List;
import org.sessionrnn.data.Dataset;
import org.sessionrnn.data.Gru4recTsvReader;
import org.sessionrnn.data.PreprocessListener;
import org.sessionrnn.data.Rsc15Preprocessor;
import org.sessionrnn.data.SequenceBuilder;
import org.sessionrnn.data.SequenceSplitter;
import org.sessionrnn.data.TrainValidation;
import org.sessionrnn.eval.EvaluationResult;
import org.sessionrnn.eval.Evaluator;
import org.sessionrnn.eval.ModelRanker;
import org.sessionrnn.data.SequenceSet;
import org.sessionrnn.model.NeuralModel;
import org.sessionrnn.model.SoftmaxBlock;
import org.sessionrnn.spec.PreprocessSpec;
import org.sessionrnn.results.EpochRecord;
import org.sessionrnn.train.Trainer;
import org.sessionrnn.train.TrainingConfig;

/**
 * Accuracy guard for speed work: trains M1 on GRU4Rec's {@code train_full.tsv}/{@code test.tsv} pair with fixed
 * settings (GRU 100, embedding 50, batch 512, learning rate 0.005, no early stopping) and prints test
 * Recall@20/MRR@20, so a faster graph can be compared with the straightforward one on real data.
 * Usage: {@code SampleCheck DATA_DIR [EPOCHS]}.
 */
public final class SampleCheck {
    private SampleCheck() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 12;
        Dataset data = new Rsc15Preprocessor(PreprocessSpec.RSC15, PreprocessListener.NONE).fromSplit(
                Gru4recTsvReader.read(dir.resolve("train_full.tsv")), Gru4recTsvReader.read(dir.resolve("test.tsv")),
                "sample", "");
        int items = data.items().size();
        TrainValidation split = SequenceSplitter.validationSplit(SequenceBuilder.inLabelTimeOrder(data.train()), 0.1, 1);
        TrainingConfig config = new TrainingConfig(512, 0.005f, epochs, epochs, 0.25, 19, 20, 1);
        try (NeuralModel model = NeuralModel.build(SoftmaxBlock.m1(items, 50, 100, 19, 1))) {
            List<EpochRecord> history = new Trainer(config, List.of(), new ValidationRanking(config)).fit(model, split.train(), split.validation(), items);
            EvaluationResult test = new Evaluator(20).evaluate(new ModelRanker(model, 512, 19, items),
                    SequenceBuilder.inSessionOrder(data.test()));
            double seqPerSecond = history.stream().mapToDouble(EpochRecord::sequencesPerSecond).sorted()
                    .toArray()[history.size() / 2];
            System.out.printf("items %d, train %d, test %d: loss %.4f, test Recall@20 %.4f MRR@20 %.4f, "
                            + "median train %.0f seq/s%n", items, split.train().size(), test.metrics().count(),
                    history.get(history.size() - 1).loss(), test.metrics().recall(), test.metrics().mrr(), seqPerSecond);
        }
    }
}
