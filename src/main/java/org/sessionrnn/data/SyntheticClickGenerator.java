package org.sessionrnn.data;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.SplittableRandom;
import org.sessionrnn.spec.SyntheticSpec;

/**
 * The project's built-in click data: writes raw YOOCHOOSE rows that a deterministic function of the
 * {@link SyntheticSpec} produces, streaming, so that any size fits in memory.
 *
 * <p>The world is built so that the paper's effects can show. Sessions start spread evenly over
 * {@code days} days from 2014-04-01 and are written in start order. A session picks a popular item of its
 * day, then mostly follows that item's few preferred successors (a sparse Markov chain inside its cluster),
 * sometimes jumps to a popular item of the same cluster, and with probability {@code noise} makes an
 * accidental click on a popular item anywhere (after which the walk goes on from where it was). Item
 * popularity is Zipf-like and each item rises and fades over the days, while the successor lists drift from an
 * early to a late set, both with strength {@code drift}: recent sessions are the best guide to the last (test)
 * day. Session lengths mix single clicks (20%, dropped by preprocessing as in RSC15), a short geometric part
 * and a log-normal tail (mean about 3.4 raw and 4 after preprocessing, capped at 200); clicks are seconds to
 * minutes apart.
 */
public final class SyntheticClickGenerator {
    /** First day of the generated clicks, like RSC15. */
    static final long START_MS = Instant.parse("2014-04-01T00:00:00Z").toEpochMilli();
    /** Raw item ids start here so that they are not confused with dense indices. */
    static final long ITEM_ID_BASE = 100_000;
    private static final int MAX_SESSION_LENGTH = 200;
    private static final double SINGLE_CLICK_PROBABILITY = 0.2;
    private static final double TAIL_PROBABILITY = 0.07;
    private static final double CONTINUE_PROBABILITY = 0.5;
    private static final double FOLLOW_SUCCESSOR_PROBABILITY = 0.8;
    private static final double MEDIAN_GAP_SECONDS = 45;

    private final SyntheticSpec spec;

    public SyntheticClickGenerator(SyntheticSpec spec) {
        this.spec = validated(spec);
    }

    private static SyntheticSpec validated(SyntheticSpec s) {
        if (s.clicks() < 1 || s.items() < 1 || s.clusters() < 1 || s.clusters() > s.items() || s.days() < 2
                || !(s.noise() >= 0 && s.noise() <= 1) || !(s.drift() >= 0 && s.drift() <= 1)) {
            throw new DataException("bad synthetic settings " + s + " (expected clicks >= 1, 1 <= clusters <= items, "
                    + "days >= 2, noise and drift in [0, 1])");
        }
        return s;
    }

    /** Writes the clicks to a new file (replacing it) and returns how many were written. */
    public long write(Path file) {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            return write(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Writes about {@code spec.clicks()} clicks (whole sessions) and returns how many were written. */
    public long write(Writer writer) throws IOException {
        Writer out = writer instanceof BufferedWriter ? writer : new BufferedWriter(writer, 1 << 16);
        YoochooseLineFormat format = new YoochooseLineFormat();
        long written = generate((session, timeMs, item) -> format.write(out, session, timeMs, item));
        out.flush();
        return written;
    }

    /**
     * The same clicks as {@link #write(Writer)} writes, in memory, exactly as reading that file gives them
     * (times are whole milliseconds, which the file keeps), so that data can be checked before anything is
     * written.
     */
    public ClickLog clicks() {
        ClickLog log = new ClickLog((int) Math.min(spec.clicks() + MAX_SESSION_LENGTH, Integer.MAX_VALUE - 8L));
        try {
            generate((session, timeMs, item) -> log.add(session, item, timeMs));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the in-memory sink does no I/O
        }
        return log;
    }

    /** Where generated clicks go. */
    @FunctionalInterface
    private interface ClickSink {
        void click(long session, long timeMs, long item) throws IOException;
    }

    private long generate(ClickSink out) throws IOException {
        SplittableRandom random = new SplittableRandom(spec.seed());
        SyntheticCatalogue catalogue = new SyntheticCatalogue(spec.items(), spec.clusters(), spec.days(),
                spec.drift(), random);
        double spanMs = spec.days() * (double) TimeParser.DAY_MS;
        long written = 0;
        for (long session = 1; written < spec.clicks(); session++) {
            double progress = (written + random.nextDouble()) / spec.clicks();
            long startMs = START_MS + (long) (progress * spanMs);
            int day = (int) ((startMs - START_MS) / TimeParser.DAY_MS);
            catalogue.useDay(day);
            written += writeSession(out, catalogue, random, session, startMs, day / (double) (spec.days() - 1));
        }
        return written;
    }

    private int writeSession(ClickSink out, SyntheticCatalogue catalogue, SplittableRandom random, long session,
                             long startMs, double dayShare) throws IOException {
        int length = sessionLength(random);
        int state = catalogue.popularItem(random);
        long timeMs = startMs;
        out.click(session, timeMs, ITEM_ID_BASE + state);
        for (int k = 1; k < length; k++) {
            timeMs += gapMs(random);
            int clicked;
            if (random.nextDouble() < spec.noise()) {
                clicked = catalogue.popularItem(random);
            } else {
                state = random.nextDouble() < FOLLOW_SUCCESSOR_PROBABILITY
                        ? catalogue.successor(state, dayShare, random)
                        : catalogue.popularItemNear(state, random);
                clicked = state;
            }
            out.click(session, timeMs, ITEM_ID_BASE + clicked);
        }
        return length;
    }

    /** Sometimes a single click, mostly 2 + geometric, sometimes a long log-normal tail, capped. */
    private static int sessionLength(SplittableRandom random) {
        double u = random.nextDouble();
        if (u < SINGLE_CLICK_PROBABILITY) {
            return 1;
        }
        if (u < SINGLE_CLICK_PROBABILITY + TAIL_PROBABILITY) {
            double tail = Math.exp(2.2 + 0.7 * random.nextGaussian());
            return (int) Math.min(MAX_SESSION_LENGTH, 2 + tail);
        }
        int length = 2;
        while (length < MAX_SESSION_LENGTH && random.nextDouble() < CONTINUE_PROBABILITY) {
            length++;
        }
        return length;
    }

    /** Seconds to minutes between clicks (log-normal, at least one second). */
    private static long gapMs(SplittableRandom random) {
        double seconds = MEDIAN_GAP_SECONDS * Math.exp(1.1 * random.nextGaussian());
        return 1000 + (long) (Math.min(seconds, 3600) * 1000);
    }
}
