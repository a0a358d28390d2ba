package org.sessionrnn.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sessionrnn.data.PreprocessListener;
import org.sessionrnn.data.Rsc15Preprocessor;
import org.sessionrnn.data.SyntheticClickGenerator;
import org.sessionrnn.data.YoochooseReader;
import org.sessionrnn.spec.PreprocessSpec;
import org.sessionrnn.spec.SyntheticSpec;

/**
 * Reading and preprocessing a raw YOOCHOOSE file: the synthetic generator writes one to a temporary file
 * (untimed), then each repeat parses it and runs the RSC15 filtering and split. Rate: raw clicks per second.
 */
final class PreprocessBench {
    private PreprocessBench() {
    }

    static Samples clicksPerSecond(BenchSettings s) {
        Path file = null;
        try {
            file = Files.createTempFile("bench-clicks", ".dat");
            SyntheticSpec spec = new SyntheticSpec(s.clicks(), s.items(), Math.max(1, s.items() / 500), 30, 0.1,
                    0.3, s.seed());
            long clicks = new SyntheticClickGenerator(spec).write(file);
            Path input = file;
            Rsc15Preprocessor preprocessor = new Rsc15Preprocessor(PreprocessSpec.RSC15, PreprocessListener.NONE);
            return Stopwatch.rates(1, s.repeats(), () -> {
                preprocessor.preprocess(YoochooseReader.read(input), "bench", "");
                return clicks;
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(file);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException ignored) {
            // a leftover temporary file is harmless
        }
    }
}
