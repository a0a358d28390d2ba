package org.sessionrnn.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.sessionrnn.model.TfSessions;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.SessionFunction;
import org.tensorflow.Signature;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * An export loaded for inference: the SavedModel through its {@value ExportLayout#SIGNATURE} signature (nothing
 * of the training code is involved), the item-id map and the popularity list. Calls to {@link #predict} may come
 * from several threads (a TensorFlow session runs concurrent calls); close it once.
 */
public final class ExportedModel implements AutoCloseable {
    private final Path versionDir;
    private final ModelManifest manifest;
    private final SavedModelBundle bundle;
    private final SessionFunction function;
    private final long[] itemIds;
    private final int[] popular;
    private final long[] popularClicks;
    private double loadSeconds;
    private final Map<Long, Integer> byId;

    private ExportedModel(Path versionDir, ModelManifest manifest, SavedModelBundle bundle, long[] itemIds,
                          int[] popular, long[] popularClicks) {
        this.versionDir = versionDir;
        this.manifest = manifest;
        this.bundle = bundle;
        this.function = bundle.function(ExportLayout.SIGNATURE);
        this.itemIds = itemIds;
        this.popular = popular;
        this.popularClicks = popularClicks;
        this.byId = new java.util.HashMap<>(itemIds.length * 2);
        for (int i = 0; i < itemIds.length; i++) {
            byId.put(itemIds[i], i);
        }
    }

    /**
     * Loads an export folder (its highest version) or one version folder.
     *
     * @throws ExportException when the folder is not an export of this project
     */
    public static ExportedModel load(Path dir) throws IOException {
        long start = System.nanoTime();
        Path versionDir = versionFolder(dir);
        ModelManifest manifest = ModelManifest.read(versionDir);
        long[] ids = readIds(versionDir.resolve(ExportLayout.EXTRA).resolve(ExportLayout.ITEMS), manifest.items());
        List<long[]> popular = readPopular(versionDir.resolve(ExportLayout.EXTRA).resolve(ExportLayout.POPULAR),
                manifest.items());
        SavedModelBundle bundle = SavedModelBundle.loader(versionDir.toString()).withTags(ExportLayout.TAG)
                .withConfigProto(TfSessions.config()).load();
        int[] popularIndex = popular.stream().mapToInt(r -> (int) r[0]).toArray();
        long[] popularClicks = popular.stream().mapToLong(r -> r[1]).toArray();
        ExportedModel model = new ExportedModel(versionDir, manifest, bundle, ids, popularIndex, popularClicks);
        model.warmUp();
        model.loadSeconds = (System.nanoTime() - start) / 1e9;
        return model;
    }

    /**
     * The manifest of an export folder (its highest version) or one version folder, read without loading the
     * model, so that a command can check its flags against it first.
     *
     * @throws ExportException when the folder is not an export of this project
     */
    public static ModelManifest manifest(Path dir) throws IOException {
        return ModelManifest.read(versionFolder(dir));
    }

    private static Path versionFolder(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new ExportException(dir + ": no such folder");
        }
        if (Files.exists(dir.resolve("saved_model.pb"))) {
            return dir;
        }
        return ExportLayout.latestVersion(dir).orElseThrow(() -> new ExportException(dir
                + ": not an export folder (no numbered version folder with a saved_model.pb)"));
    }

    private static long[] readIds(Path file, int items) throws IOException {
        long[] ids = new long[items];
        int n = 0;
        List<String> lines = lines(file);
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",");
            int index = parseInt(f[0], file, i);
            if (index != n || index >= items) {
                throw new ExportException(file + ":" + (i + 1) + ": item_index " + f[0] + " out of order");
            }
            ids[n++] = parseLong(f[1], file, i);
        }
        if (n != items) {
            throw new ExportException(file + ": " + n + " items, model.json says " + items);
        }
        return ids;
    }

    private static List<long[]> readPopular(Path file, int items) throws IOException {
        List<String> lines = lines(file);
        List<long[]> rows = new java.util.ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",");
            int index = parseInt(f[0], file, i);
            if (index < 0 || index >= items || f.length < 3) {
                throw new ExportException(file + ":" + (i + 1) + ": bad row");
            }
            rows.add(new long[]{index, parseLong(f[2], file, i)});
        }
        return rows;
    }

    private static List<String> lines(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new ExportException(file + ": missing");
        }
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
    }

    private static int parseInt(String s, Path file, int line) {
        return (int) parseLong(s, file, line);
    }

    private static long parseLong(String s, Path file, int line) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw new ExportException(file + ":" + (line + 1) + ": '" + s + "' is not an integer");
        }
    }

    /** Top items of a batch, row-major {@code [rows, top]}. */
    public record Prediction(int rows, int top, int[] index, long[] ids, float[] scores) {
    }

    /**
     * Runs the signature on {@code rows} padded rows ({@code steps} item indices each, right-aligned, -1 where
     * there is no click).
     */
    public Prediction predict(int[] padded, int rows) {
        int steps = manifest.steps();
        int top = manifest.top();
        try (TInt32 in = TInt32.tensorOf(Shape.of(rows, steps))) {
            in.asRawTensor().data().asInts().write(padded, 0, rows * steps);
            try (Result r = function.call(Map.<String, Tensor>of(ExportLayout.INPUT_ITEMS, in))) {
                int[] index = new int[rows * top];
                long[] ids = new long[rows * top];
                float[] scores = new float[rows * top];
                ((TInt32) r.get(ExportLayout.OUTPUT_INDEX).orElseThrow()).asRawTensor().data().asInts().read(index);
                ((TInt64) r.get(ExportLayout.OUTPUT_ID).orElseThrow()).asRawTensor().data().asLongs().read(ids);
                ((TFloat32) r.get(ExportLayout.OUTPUT_SCORE).orElseThrow()).asRawTensor().data().asFloats().read(scores);
                return new Prediction(rows, top, index, ids, scores);
            }
        }
    }

    public ModelManifest manifest() {
        return manifest;
    }

    /** The signature as the loaded SavedModel declares it. */
    public Signature signature() {
        return function.signature();
    }

    public Path versionDir() {
        return versionDir;
    }

    /** Raw id of an item index. */
    public long itemId(int index) {
        return itemIds[index];
    }

    /** Item index of a raw id, -1 if unknown. */
    public int indexOf(long rawId) {
        return byId.getOrDefault(rawId, -1);
    }

    /** The most clicked item indices, most clicked first. */
    public int[] popular() {
        return popular.clone();
    }

    /** Training clicks of {@link #popular()}'s items, in the same order. */
    public long[] popularClicks() {
        return popularClicks.clone();
    }

    /**
     * TensorFlow prepares a graph on its first run (seconds for the 19 unrolled steps), so a load runs one
     * prediction before it returns: the first client does not pay for it.
     */
    private void warmUp() {
        int[] empty = new int[manifest.steps()];
        java.util.Arrays.fill(empty, -1);
        predict(empty, 1);
    }

    /** Seconds {@link #load} took, the warm-up prediction included. */
    public double loadSeconds() {
        return loadSeconds;
    }

    @Override
    public void close() {
        bundle.close();
    }
}
