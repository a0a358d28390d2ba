package org.sessionrnn.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.sessionrnn.cli.Main;
import org.sessionrnn.export.TinyModels;

/**
 * {@code recommend} and {@code serve} check {@code -k} against the export's model.json before TensorFlow loads the
 * model: in a fresh JVM with TensorFlow's logging on, the refusal is the only line printed.
 */
class FlagsBeforeModelTest {
    @Test
    void aWrongKIsRefusedBeforeTensorFlowLogsAnything() throws Exception {
        Path export = TinyModels.get().exported(TinyModels.M1, 20);
        for (List<String> args : List.of(List.of("recommend", export.toString(), "-k", "21"),
                List.of("serve", export.toString(), "-k", "0", "--port", "0"))) {
            String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder pb = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"),
                    Main.class.getName());
            pb.command().addAll(args);
            pb.environment().remove("TF_CPP_MIN_LOG_LEVEL"); // TensorFlow's loader logs at its default level
            Process p = pb.redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(2, TimeUnit.MINUTES), args.get(0) + " did not finish");
            assertEquals(2, p.exitValue(), output);
            assertEquals("error: -k must be between 1 and 20 (the export's top), got " + args.get(3)
                    + System.lineSeparator(), output, args.get(0));
        }
    }
}
