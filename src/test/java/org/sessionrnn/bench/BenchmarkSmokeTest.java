package org.sessionrnn.bench;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sessionrnn.cli.Main;

/**
 * {@code bench} at a tiny size prints every row with positive numbers (no timing is asserted; it trains, so it is
 * slow), and the arithmetic behind its rows, which is fast.
 */
class BenchmarkSmokeTest {
    private static final List<String> ROWS = List.of("float32 MatMul", "M1 training ", "M1 training achieved",
            "M1 evaluation", "M1 training, sampled softmax", "M4 prediction", "peak RSS", "preprocessing");

    @Test
    @Tag("slow")
    void tinyBenchPrintsAllRowsWithPositiveNumbers() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Main.execute(new String[]{"bench", "--items", "200", "--gru", "8", "--embedding", "4", "--batch", "16",
                "--clicks", "3000", "--repeats", "2", "--batches", "2"}, new PrintStream(out, true), System.err);
        assertEquals(0, code);
        List<String> lines = Arrays.asList(out.toString(StandardCharsets.UTF_8).split("\n"));
        for (String row : ROWS) {
            String line = lines.stream().filter(l -> l.startsWith(row)).findFirst()
                    .orElseThrow(() -> new AssertionError("no row '" + row + "' in\n" + out));
            String[] numbers = line.substring(line.indexOf("  ")).trim().split("\\s+");
            for (int i = 0; i < 3; i++) {
                double v = Double.parseDouble(numbers[i].replace(",", ""));
                assertTrue(v > 0, row + ": " + line);
            }
        }
    }

    @Test
    void flopCountFollowsTheFormula() {
        // 6HN + 3L(6EH + 6H^2) with H=100, N=37483, E=50 and L=3.5 clicks per input: 22.4898 + 0.945 MFLOP
        assertEquals(6.0 * 100 * 37483 + 3.0 * 3.5 * (6.0 * 50 * 100 + 6.0 * 100 * 100),
                FlopCount.trainingPerSequence(37483, 50, 100, 3.5), 1e-6);
        assertEquals(23.4348e6, FlopCount.trainingPerSequence(37483, 50, 100, 3.5), 1e2);
    }

    @Test
    void samplesGiveMedianAndSpread() {
        Samples s = new Samples(new double[]{5, 1, 3, 2});
        assertEquals(2.5, s.median(), 0);
        assertEquals(1, s.min(), 0);
        assertEquals(5, s.max(), 0);
        assertEquals(10, s.scaled(2).max(), 0);
    }
}
