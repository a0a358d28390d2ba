package org.sessionrnn.results;

import org.sessionrnn.io.AtomicFiles;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A run's per-prefix target ranks, {@code ranks.bin}: GZIP of a header (magic {@code SRNK}, version, count)
 * followed by {@code count} big-endian int32 standard ranks and {@code count} int32 conservative ranks, in test
 * order. Kept so that two runs can be compared prefix by prefix.
 */
public final class RankFile {
    /** The file name of the ranks inside a run folder. */
    public static final String FILE_NAME = "ranks.bin";

    private static final int MAGIC = 0x53524E4B;
    private static final int VERSION = 1;

    private RankFile() {
    }

    /**
     * Target ranks of every test prefix under both tie modes (1 = top).
     *
     * @param standard     1 + number of items scoring strictly higher than the target
     * @param conservative number of items scoring at least as high as the target
     */
    public record TargetRanks(int[] standard, int[] conservative) {
        public TargetRanks {
            if (standard.length != conservative.length) {
                throw new IllegalArgumentException("rank arrays differ in length: " + standard.length + " vs "
                        + conservative.length);
            }
        }

        /** Per-prefix reciprocal standard rank, 0 for a rank beyond {@code cutoff}: the MRR@cutoff summands. */
        public double[] reciprocalRanks(int cutoff) {
            double[] rr = new double[standard.length];
            for (int i = 0; i < rr.length; i++) {
                rr[i] = standard[i] <= cutoff ? 1.0 / standard[i] : 0;
            }
            return rr;
        }
    }

    /** Writes {@code ranks} to {@code file} atomically. */
    public static void write(Path file, TargetRanks ranks) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(ranks.standard().length);
            writeInts(out, ranks.standard());
            writeInts(out, ranks.conservative());
        }
        AtomicFiles.write(file, bytes.toByteArray());
    }

    /** Reads a ranks file written by {@link #write}. */
    public static TargetRanks read(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(
                new GZIPInputStream(Files.newInputStream(file))))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION) {
                throw new IOException("not a version " + VERSION + " ranks file: " + file);
            }
            int count = in.readInt();
            return new TargetRanks(readInts(in, count), readInts(in, count));
        }
    }

    private static void writeInts(DataOutputStream out, int[] values) throws IOException {
        for (int v : values) {
            out.writeInt(v);
        }
    }

    private static int[] readInts(DataInputStream in, int count) throws IOException {
        int[] values = new int[count];
        for (int i = 0; i < count; i++) {
            values[i] = in.readInt();
        }
        return values;
    }
}
