package org.sessionrnn.cli;

import java.nio.file.Path;
import org.sessionrnn.serve.Recommender;
import picocli.CommandLine.Parameters;

/** The exported model that {@code recommend} and {@code serve} answer with: their {@code MODEL_DIR} parameter. */
final class ExportFolder {
    @Parameters(index = "0", paramLabel = "MODEL_DIR", description = "An export folder (or one version folder of it)")
    Path dir;

    /** {@code -k} within what the export returns per session: its top, fixed when it was exported. */
    static void checkK(int k, Recommender recommender) {
        if (k < 1 || k > recommender.maxK()) {
            throw new UsageException("-k must be between 1 and " + recommender.maxK() + " (the export's top), got " + k);
        }
    }
}
