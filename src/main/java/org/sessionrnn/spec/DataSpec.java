package org.sessionrnn.spec;

import java.nio.file.Path;

/**
 * Where the clicks come from.
 *
 * @param source    one of {@code synthetic}, {@code yoochoose} (raw clicks file), {@code gru4rec} (already split
 *                  train/test TSV pair), {@code srgnn} (SR-GNN's pickled train/test files), {@code csv} (generic
 *                  delimited file)
 * @param path      the clicks file for {@code yoochoose} and {@code csv}, else null
 * @param train     the training file for {@code gru4rec} and {@code srgnn}, else null
 * @param test      the test file for {@code gru4rec} and {@code srgnn}, else null
 * @param synthetic generator settings for {@code synthetic}, else null
 * @param csv       column settings for {@code csv}, else null
 * @param preprocess filtering and split settings (for sources that are not already split; never null, the
 *                  RSC15 defaults for {@code gru4rec})
 */
public record DataSpec(String source, Path path, Path train, Path test, SyntheticSpec synthetic, CsvSpec csv,
                       PreprocessSpec preprocess) {
}
