package org.sessionrnn.export;

import java.nio.file.Path;
import java.util.Map;
import org.sessionrnn.model.BlockMaker;

/**
 * Everything an export needs: the architecture and weights of a trained model, its catalogue and its
 * popularity, and the description that goes into model.json.
 *
 * @param model       the model kind, e.g. {@code m1}
 * @param items       catalogue size
 * @param embedding   item embedding size
 * @param gru         GRU units
 * @param steps       input steps the model reads (longer sessions keep their last clicks)
 * @param checkpoint  prefix of the training checkpoint holding the weights
 * @param block       the model's forward block, built here over padded input and restored from the checkpoint
 * @param itemIds     raw item id of every item index
 * @param clicks      training clicks of every item index (the fallback for sessions without known items)
 * @param description what model.json records beyond the architecture: the run, its metrics, provenance
 */
public record ExportSource(String model, int items, int embedding, int gru, int steps, Path checkpoint,
                           BlockMaker block, long[] itemIds, long[] clicks, Map<String, Object> description) {
    public ExportSource {
        if (itemIds.length != items || clicks.length != items) {
            throw new IllegalArgumentException(items + " items but " + itemIds.length + " ids and " + clicks.length
                    + " click counts");
        }
        description = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(description));
    }
}
