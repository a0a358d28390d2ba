package org.sessionrnn.results;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class RankFileTest {
    @TempDir
    Path dir;

    @Test
    void roundTrip() throws IOException {
        RankFile.TargetRanks ranks = new RankFile.TargetRanks(new int[]{1, 5, 40000, 21}, new int[]{2, 5, 40001, 30});
        Path file = dir.resolve(RankFile.FILE_NAME);
        RankFile.write(file, ranks);
        RankFile.TargetRanks back = RankFile.read(file);
        assertArrayEquals(ranks.standard(), back.standard());
        assertArrayEquals(ranks.conservative(), back.conservative());
    }

    @Test
    void reciprocalRanksAreZeroBeyondCutoff() {
        RankFile.TargetRanks ranks = new RankFile.TargetRanks(new int[]{1, 4, 21}, new int[]{1, 4, 21});
        assertArrayEquals(new double[]{1, 0.25, 0}, ranks.reciprocalRanks(20), 1e-12);
    }
}
