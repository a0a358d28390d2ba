package org.sessionrnn.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sessionrnn.io.ParserMessages;
import org.sessionrnn.model.Clicks;
import org.sessionrnn.model.ForwardBlock;
import org.sessionrnn.model.Parameters;
import org.sessionrnn.model.TfSessions;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.exceptions.TensorFlowException;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.nn.TopK;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * Writes a trained model as a TensorFlow SavedModel holding inference only: a fresh graph with the training
 * graph's variable names (the kind's forward block over padded input, no optimiser slots, no dropout or seed
 * inputs), the training
 * checkpoint restored into it, and a {@value ExportLayout#SIGNATURE} signature from item indices to the top items
 * (see {@link ExportLayout}). The version folder is written under a temporary name and renamed when complete, so
 * a version folder that exists is a whole export.
 *
 * <p>Tie order: items with equal scores come in ascending item index, TensorFlow's TopKV2 order, the same op the
 * runner's own top-k prediction uses.
 */
public final class ModelExporter {
    private final int top;

    /** @param top how many items the signature returns per session (clients may use fewer) */
    public ModelExporter(int top) {
        if (top < 1) {
            throw new IllegalArgumentException("top must be at least 1, got " + top);
        }
        this.top = top;
    }

    /**
     * Exports {@code source} as version {@code version} of {@code dir}; returns the version folder. The checkpoint
     * is restored before anything is written, and a failed export removes what it wrote, folders it created
     * included, so that a refused export leaves the file system as it was.
     */
    public Path export(ExportSource source, Path dir, int version) throws IOException {
        if (top > source.items()) {
            throw new IllegalArgumentException("top " + top + " exceeds the catalogue (" + source.items() + " items)");
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + " is a file, not a folder: choose another export folder");
        }
        Path target = dir.resolve(Integer.toString(version));
        if (Files.exists(target)) {
            throw new IllegalArgumentException(target + " already exists: choose another --version or folder");
        }
        try (Graph graph = new Graph(); Session session = TfSessions.open(graph)) {
            Ops tf = Ops.create(graph);
            ForwardBlock block = source.block().make(tf, Parameters.restored());
            try {
                Signature signature = build(tf, source, block);
                restore(session, source);
                write(session, signature, source, dir, version, block.scoreKind());
            } finally {
                block.close();
            }
        }
        return target;
    }

    /** Writes the SavedModel and the extras under a temporary name, then renames it to the version folder. */
    private void write(Session session, Signature signature, ExportSource source, Path dir, int version, String score)
            throws IOException {
        Path target = dir.resolve(Integer.toString(version));
        Path created = firstMissing(dir.toAbsolutePath().normalize());
        Path partial = dir.resolve("." + version + ".partial");
        try {
            Files.createDirectories(dir);
            deleteRecursively(partial);
            SavedModelBundle.exporter(partial.toString()).withTags(ExportLayout.TAG).withSession(session)
                    .withSignature(signature).export();
            writeExtras(source, partial.resolve(ExportLayout.EXTRA), version, score);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            deleteRecursively(created != null ? created : partial);
            throw e;
        }
    }

    /** Restores the run's checkpoint; a checkpoint TensorFlow cannot read is the run folder's fault. */
    private static void restore(Session session, ExportSource source) {
        try {
            session.restore(source.checkpoint().toString());
        } catch (TensorFlowException e) {
            throw new ExportException(source.checkpoint() + ": not a readable checkpoint of this run's model ("
                    + ParserMessages.plain(e.getMessage(), "unknown reason") + ")");
        }
    }


    /** The outermost folder of {@code dir} that does not exist yet (null if {@code dir} exists). */
    private static Path firstMissing(Path dir) {
        Path missing = null;
        for (Path p = dir; p != null && !Files.exists(p); p = p.getParent()) {
            missing = p;
        }
        return missing;
    }

    /** The inference ops: padded indices in, top indices, ids and scores out. */
    private Signature build(Ops tf, ExportSource s, ForwardBlock block) {
        Placeholder<TInt32> items = tf.withName(ExportLayout.INPUT_ITEMS).placeholder(TInt32.class,
                Placeholder.shape(Shape.of(-1, s.steps())));
        Operand<TFloat32> scores = block.scores(Clicks.padded(items, s.steps()));
        TopK<TFloat32, TInt32> best = tf.nn.topK(scores, tf.constant(top), TInt32.class);
        Operand<TInt64> ids = tf.gather(tf.constant(s.itemIds()), best.indices(), tf.constant(0));
        return Signature.builder().key(ExportLayout.SIGNATURE).methodName(ExportLayout.METHOD)
                .input(ExportLayout.INPUT_ITEMS, items)
                .output(ExportLayout.OUTPUT_INDEX, tf.withName("top_item_index").identity(best.indices()))
                .output(ExportLayout.OUTPUT_ID, tf.withName("top_item_id").identity(ids))
                .output(ExportLayout.OUTPUT_SCORE, tf.withName("top_score").identity(best.values()))
                .build();
    }

    private void writeExtras(ExportSource s, Path extra, int version, String score) throws IOException {
        Files.createDirectories(extra);
        Files.writeString(extra.resolve(ExportLayout.MANIFEST), new ObjectMapper().writerWithDefaultPrettyPrinter()
                .writeValueAsString(manifest(s, version, score)) + "\n", StandardCharsets.UTF_8);
        StringBuilder ids = new StringBuilder("item_index,item_id\n");
        for (int i = 0; i < s.items(); i++) {
            ids.append(i).append(',').append(s.itemIds()[i]).append('\n');
        }
        Files.writeString(extra.resolve(ExportLayout.ITEMS), ids, StandardCharsets.UTF_8);
        StringBuilder popular = new StringBuilder("item_index,item_id,clicks\n");
        for (int i : Popularity.mostClicked(s.clicks(), Math.max(top, Popularity.KEPT))) {
            popular.append(i).append(',').append(s.itemIds()[i]).append(',').append(s.clicks()[i]).append('\n');
        }
        Files.writeString(extra.resolve(ExportLayout.POPULAR), popular, StandardCharsets.UTF_8);
    }

    private Map<String, Object> manifest(ExportSource s, int version, String score) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", ModelManifest.FORMAT);
        m.put("version", version);
        m.put("model", s.model());
        m.put("items", s.items());
        m.put("embedding", s.embedding());
        m.put("gru_size", s.gru());
        m.put("steps", s.steps());
        m.put("top", top);
        m.put("score", score);
        m.put("tie_order", "equal scores in ascending item_index");
        Map<String, Object> sig = new LinkedHashMap<>();
        sig.put("tag", ExportLayout.TAG);
        sig.put("key", ExportLayout.SIGNATURE);
        sig.put("method", ExportLayout.METHOD);
        sig.put("inputs", Map.of(ExportLayout.INPUT_ITEMS, "int32 [rows, " + s.steps()
                + "]: item_index of the session's clicks, oldest first, right-aligned, -1 where there is no click"));
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put(ExportLayout.OUTPUT_INDEX, "int32 [rows, " + top + "]: best item_index first");
        outputs.put(ExportLayout.OUTPUT_ID, "int64 [rows, " + top + "]: their item ids");
        outputs.put(ExportLayout.OUTPUT_SCORE, "float32 [rows, " + top + "]: their scores (" + score + ")");
        sig.put("outputs", outputs);
        m.put("signature", sig);
        m.putAll(s.description());
        m.put("exported_at", Instant.now().toString());
        return m;
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
