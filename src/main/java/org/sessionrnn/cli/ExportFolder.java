package org.sessionrnn.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.sessionrnn.export.ExportedModel;
import picocli.CommandLine.Parameters;

/** The exported model that {@code recommend} and {@code serve} answer with: their {@code MODEL_DIR} parameter. */
final class ExportFolder {
    @Parameters(index = "0", paramLabel = "MODEL_DIR", description = "An export folder (or one version folder of it)")
    Path dir;

    /**
     * {@code -k} within what the export returns per session: its top, fixed when it was exported and read from
     * model.json, so that a wrong {@code -k} is refused before TensorFlow loads the model (and logs anything).
     */
    void checkK(int k) throws IOException {
        int top = ExportedModel.manifest(dir).top();
        if (k < 1 || k > top) {
            throw new UsageException("-k must be between 1 and " + top + " (the export's top), got " + k);
        }
    }
}
