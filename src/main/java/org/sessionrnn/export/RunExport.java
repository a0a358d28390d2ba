package org.sessionrnn.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sessionrnn.data.DataLoader;
import org.sessionrnn.data.Dataset;
import org.sessionrnn.data.PreprocessListener;
import org.sessionrnn.model.EmbeddingOutputModel;
import org.sessionrnn.model.SoftmaxWeights;
import org.sessionrnn.results.RunRecord;
import org.sessionrnn.results.RunRecordIo;
import org.sessionrnn.spec.ExperimentSpec;
import org.sessionrnn.spec.GridExpander;
import org.sessionrnn.spec.RunSpec;
import org.sessionrnn.spec.SpecLoader;

/**
 * The {@link ExportSource} of a finished run of the runner: its run.json, the experiment's resolved spec.yaml
 * (two folders up), the data that spec describes (prepared again, from the runner's cache when it has one, to
 * recover the item ids and the training clicks) and the run's best checkpoint. Relative data paths in the spec
 * are relative to the working directory, as for the runner.
 */
public final class RunExport {
    private RunExport() {
    }

    /** How each model kind scores items at inference; a kind with its own output layer adds a case here. */
    static ScoringHead head(String model, RunSpec run, ExperimentSpec spec, RunRecord record, Path experimentDir) {
        int items = record.items();
        int steps = spec.protocol().maxLength();
        int embedding = run.variant().embedding();
        return switch (model) {
            case "m1", "m2", "m3" -> new SoftmaxHead(items, run.gruSize());
            case "m4" -> {
                Path pretrained = pretrainedCheckpoint(record, experimentDir);
                float[] e = SoftmaxWeights.load(pretrained, items, embedding, run.gruSize(), steps).embedding();
                int hiddenSize = run.variant().hiddenSize() > 0 ? run.variant().hiddenSize() : run.gruSize();
                yield new CosineHead(items, embedding, run.gruSize(), hiddenSize,
                        EmbeddingOutputModel.normalisedRows(e, items, embedding));
            }
            default -> throw new ExportException("model '" + model + "' has no graph to export (only the GRU "
                    + "models m1-m4 can be exported)");
        };
    }

    /** Builds the source of the run in {@code runDir}; progress goes nowhere, problems are {@link ExportException}s. */
    public static ExportSource of(Path runDir) throws IOException {
        Path recordFile = runDir.resolve(RunRecordIo.FILE_NAME);
        if (!Files.isRegularFile(recordFile)) {
            throw new ExportException(runDir + ": not a run folder (no " + RunRecordIo.FILE_NAME + ")");
        }
        RunRecord record = RunRecordIo.read(recordFile);
        if (!RunRecord.DONE.equals(record.status())) {
            throw new ExportException(runDir + ": run status is '" + record.status() + "'; only finished runs can be exported");
        }
        Path checkpoint = runDir.resolve("checkpoints").resolve("best");
        if (!Files.exists(Path.of(checkpoint + ".index"))) {
            throw new ExportException(runDir + ": no best checkpoint (checkpoints/best.index)");
        }
        Path experimentDir = runDir.toAbsolutePath().normalize().getParent().getParent();
        Path specFile = experimentDir.resolve("spec.yaml");
        if (!Files.isRegularFile(specFile)) {
            throw new ExportException(runDir + ": no spec.yaml in the experiment folder " + experimentDir);
        }
        ExperimentSpec spec = SpecLoader.load(specFile, List.of(), experimentDir.getParent());
        RunSpec run = GridExpander.expand(spec).stream().filter(r -> r.id().equals(record.runId())).findFirst()
                .orElseThrow(() -> new ExportException(specFile + " has no run '" + record.runId() + "'"));
        ScoringHead head = head(record.model(), run, spec, record, experimentDir);
        Dataset data = new DataLoader(spec.output().resolve(".cache"), PreprocessListener.NONE).load(spec.data());
        checkSameData(record, data, runDir);
        int items = data.items().size();
        long[] ids = new long[items];
        for (int i = 0; i < items; i++) {
            ids[i] = data.items().rawId(i);
        }
        return new ExportSource(record.model(), items, run.variant().embedding(), run.gruSize(),
                spec.protocol().maxLength(), checkpoint, head, ids, Popularity.clicks(data.train(), items),
                description(record, run));
    }

    private static void checkSameData(RunRecord record, Dataset data, Path runDir) {
        String hash = record.provenance().get("data_hash");
        if (data.items().size() != record.items() || (hash != null && !hash.equals(data.dataHash()))) {
            throw new ExportException(runDir + ": the data the spec describes now (" + data.items().size()
                    + " items, hash " + data.dataHash() + ") is not the data the run was trained on (" + record.items()
                    + " items, hash " + hash + ")");
        }
    }

    /** M4's targets come from the pre-trained M1 its run record names. */
    private static Path pretrainedCheckpoint(RunRecord record, Path experimentDir) {
        String recorded = record.provenance().get("pretrained_checkpoint");
        if (recorded == null) {
            throw new ExportException("run " + record.runId() + " records no pretrained_checkpoint");
        }
        Path p = Path.of(recorded);
        if (!Files.exists(Path.of(p + ".index")) && p.getParent() != null) {
            // recorded relative to the runner's working directory: find the entry in this experiment folder
            p = experimentDir.resolve("pretrained").resolve(p.getParent().getFileName()).resolve(p.getFileName());
        }
        if (!Files.exists(Path.of(p + ".index"))) {
            throw new ExportException("run " + record.runId() + ": pre-trained M1 checkpoint " + recorded
                    + " not found (M4's target embeddings come from it)");
        }
        return p;
    }

    private static Map<String, Object> description(RunRecord r, RunSpec run) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("variant", r.variant());
        d.put("cutoff", r.cutoff());
        Map<String, Object> from = new LinkedHashMap<>();
        from.put("experiment", r.experiment());
        from.put("run_id", r.runId());
        from.put("fraction", r.fraction());
        from.put("seed", r.seed());
        from.put("epochs", r.epochs());
        from.put("best_epoch", r.bestEpoch());
        from.put("test_sequences", r.testSequences());
        from.put("recall", r.recall());
        from.put("mrr", r.mrr());
        from.put("params", r.params());
        d.put("run", from);
        d.put("provenance", new java.util.TreeMap<>(r.provenance()));
        return d;
    }
}
