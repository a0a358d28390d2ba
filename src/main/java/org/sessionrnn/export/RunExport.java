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
import org.sessionrnn.model.BlockMaker;
import org.sessionrnn.model.SoftmaxWeights;
import org.sessionrnn.results.RunRecord;
import org.sessionrnn.results.RunRecordIo;
import org.sessionrnn.results.RunStatus;
import org.sessionrnn.runner.CheckpointedTraining;
import org.sessionrnn.runner.EnsembleRun;
import org.sessionrnn.runner.ModelFactory;
import org.sessionrnn.runner.RunnableKind;
import org.sessionrnn.spec.ExperimentSpec;
import org.sessionrnn.spec.GridExpander;
import org.sessionrnn.spec.ModelCatalogue;
import org.sessionrnn.spec.ModelSchema;
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

    /**
     * The factory of the recorded run, as the runner built its models: M4's pre-trained M1 is the one its run
     * record names, loaded only when the kind's model asks for it.
     */
    static ModelFactory factory(RunnableKind kind, RunSpec run, ExperimentSpec spec, RunRecord record,
                                Path experimentDir) {
        if (!kind.neural()) {
            throw notExportable(kind);
        }
        int items = record.items();
        return new ModelFactory(run, items, spec.protocol().maxLength(), () -> SoftmaxWeights.load(
                pretrainedCheckpoint(record, experimentDir), items, run.variant().training().embedding(),
                run.gruSize()));
    }

    /** A kind without a graph of its own is refused, an ensemble with the member runs that can be exported. */
    private static void checkExportable(RunnableKind kind, RunRecord record) {
        String members = record.provenance().get(EnsembleRun.MEMBERS_FACT);
        if (!kind.neural() && members != null) {
            throw new ExportException("ensemble runs cannot be exported: run " + record.runId() + " averages the "
                    + "predictions of its members and has no graph of its own; export a member run ("
                    + String.join(", ", java.util.Arrays.stream(members.split(",")).map(m -> "runs/" + m).toList())
                    + ")");
        }
        if (!kind.neural()) {
            throw notExportable(kind);
        }
    }

    private static ExportException notExportable(RunnableKind kind) {
        return new ExportException("model '" + kind.id() + "' has no graph to export (only GRU models can be "
                + "exported: " + exportable() + ")");
    }

    /** The kinds with a graph, for messages. */
    private static String exportable() {
        return ModelCatalogue.all().stream().filter(m -> m instanceof RunnableKind k && k.neural())
                .map(ModelSchema::id).collect(java.util.stream.Collectors.joining(", "));
    }

    /** The kind of the recorded run, if this runner knows it. */
    private static RunnableKind kind(RunRecord record, Path runDir) {
        return ModelCatalogue.find(record.model()).filter(RunnableKind.class::isInstance).map(RunnableKind.class::cast)
                .orElseThrow(() -> new ExportException(runDir + ": model '" + record.model() + "' is not a model "
                        + "kind of this runner"));
    }

    /** Builds the source of the run in {@code runDir}; progress goes nowhere, problems are {@link ExportException}s. */
    public static ExportSource of(Path runDir) throws IOException {
        Path recordFile = runDir.resolve(RunRecordIo.FILE_NAME);
        if (!Files.isRegularFile(recordFile)) {
            throw new ExportException(runDir + ": not a run folder (no " + RunRecordIo.FILE_NAME + ")");
        }
        RunRecord record = RunRecordIo.read(recordFile);
        if (record.status() != RunStatus.DONE) {
            throw new ExportException(runDir + ": run status is '" + record.status() + "'; only finished runs can be exported");
        }
        checkExportable(kind(record, runDir), record);
        Path checkpoint = CheckpointedTraining.evaluatedWeights(runDir.resolve("checkpoints"), record.provenance());
        if (!Files.exists(Path.of(checkpoint + ".index"))) {
            throw new ExportException(runDir + ": no checkpoint of the evaluated weights ("
                    + runDir.relativize(checkpoint) + ".index)");
        }
        Path experimentDir = runDir.toAbsolutePath().normalize().getParent().getParent();
        Path specFile = experimentDir.resolve("spec.yaml");
        if (!Files.isRegularFile(specFile)) {
            throw new ExportException(runDir + ": no spec.yaml in the experiment folder " + experimentDir);
        }
        ExperimentSpec spec = SpecLoader.load(specFile, List.of(), experimentDir.getParent());
        RunSpec run = GridExpander.expand(spec).stream().filter(r -> r.id().equals(record.runId())).findFirst()
                .orElseThrow(() -> new ExportException(specFile + " has no run '" + record.runId() + "'"));
        RunnableKind kind = kind(record, runDir);
        ModelFactory models = factory(kind, run, spec, record, experimentDir);
        BlockMaker block = kind.model(models).block();
        Dataset data = new DataLoader(spec.output().resolve(".cache"), PreprocessListener.NONE).load(spec.data());
        checkSameData(record, data, runDir);
        int items = data.items().size();
        long[] ids = new long[items];
        for (int i = 0; i < items; i++) {
            ids[i] = data.items().rawId(i);
        }
        return new ExportSource(record.model(), items, models.embedding(), run.gruSize(),
                spec.protocol().maxLength(), checkpoint, block, ids, Popularity.clicks(data.train(), items),
                description(record, models.blockOptions().tiedEmbedding()));
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

    private static Map<String, Object> description(RunRecord r, boolean tiedEmbedding) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("variant", r.variant());
        d.put("tied_embedding", tiedEmbedding);
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
        d.put("provenance", new java.util.TreeMap<>(r.provenance().asMap()));
        return d;
    }
}
