package org.sessionrnn.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Names inside an export folder, laid out as TF Serving expects: numbered version folders, each a SavedModel,
 * with this project's extra files in the SavedModel's {@code assets.extra/} (the place TensorFlow leaves to
 * users; TensorFlow Serving ignores it).
 *
 * <pre>
 * DIR/1/saved_model.pb, variables/          the SavedModel (tag serve, signature serving_default)
 * DIR/1/assets.extra/model.json             kind, sizes, signature, the run it came from
 * DIR/1/assets.extra/items.csv              item_index,item_id for every item
 * DIR/1/assets.extra/popular.csv            item_index,item_id,clicks of the most clicked training items
 * </pre>
 */
public final class ExportLayout {
    /** The SavedModel tag. */
    public static final String TAG = "serve";
    /** The signature key. */
    public static final String SIGNATURE = "serving_default";
    /** The signature's method name, TF Serving's predict API. */
    public static final String METHOD = "tensorflow/serving/predict";
    /** Input: item indices {@code int32 [rows, steps]}, right-aligned, {@code -1} where there is no click. */
    public static final String INPUT_ITEMS = "items";
    /** Output: the top item indices {@code int32 [rows, top]}, best first. */
    public static final String OUTPUT_INDEX = "item_index";
    /** Output: the raw ids of the top items {@code int64 [rows, top]}. */
    public static final String OUTPUT_ID = "item_id";
    /** Output: their scores {@code float32 [rows, top]}. */
    public static final String OUTPUT_SCORE = "score";
    public static final String EXTRA = "assets.extra";
    public static final String MANIFEST = "model.json";
    public static final String ITEMS = "items.csv";
    public static final String POPULAR = "popular.csv";

    private ExportLayout() {
    }

    /** The highest numbered version folder of an export, if any. */
    public static Optional<Path> latestVersion(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(Files::isDirectory)
                    .filter(p -> p.getFileName().toString().matches("[0-9]{1,9}"))
                    .max(Comparator.comparingInt(p -> Integer.parseInt(p.getFileName().toString())));
        }
    }
}
