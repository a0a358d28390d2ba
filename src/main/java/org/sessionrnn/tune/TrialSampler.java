package org.sessionrnn.tune;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.sessionrnn.spec.SearchParam;
import org.sessionrnn.spec.SearchSpec;

/**
 * Draws the trials of a search. Trial {@code i} depends only on the seed and the trials before it, so the same
 * seed always draws the same trials and asking for more trials extends the list rather than changing it. A draw
 * that repeats an earlier trial's settings is drawn again; a finite space smaller than the number of trials gives
 * one trial per point of the space. Decimals are rounded to {@value #DIGITS} significant digits, which keeps
 * {@code best.yaml} readable and changes no result that matters.
 */
public final class TrialSampler {
    static final int DIGITS = 4;
    private static final int MAX_ATTEMPTS = 1000;

    private TrialSampler() {
    }

    /** The trials of {@code search}; a note goes to {@code out} when the space has fewer points than trials. */
    public static List<Trial> draw(SearchSpec search, PrintStream out) {
        long size = spaceSize(search);
        int count = search.trials();
        if (size > 0 && size < count) {
            out.printf("The search space has %d settings, fewer than %d trials: running %d trials%n", size, count,
                    size);
            count = (int) size;
        }
        List<Trial> trials = new ArrayList<>();
        Set<Map<String, Object>> seen = new HashSet<>();
        for (int number = 1; number <= count; number++) {
            Map<String, Object> settings = null;
            for (int attempt = 0; settings == null || !seen.add(settings); attempt++) {
                if (attempt == MAX_ATTEMPTS) {
                    throw new IllegalStateException("cannot draw a new setting for trial " + number);
                }
                settings = settings(search, new SplittableRandom(mix(mix(search.seed(), number), attempt)));
            }
            trials.add(new Trial(number, settings));
        }
        return trials;
    }

    /** The number of distinct settings, or 0 when some key is drawn from a continuous range. */
    static long spaceSize(SearchSpec search) {
        long size = 1;
        for (SearchParam p : search.params()) {
            if (p.size() == 0) {
                return 0;
            }
            size = Math.multiplyHigh(size, p.size()) != 0 ? Long.MAX_VALUE : size * p.size();
        }
        return size;
    }

    private static Map<String, Object> settings(SearchSpec search, SplittableRandom rng) {
        Map<String, Object> settings = new LinkedHashMap<>();
        for (SearchParam p : search.params()) {
            settings.put(p.key(), value(p, rng));
        }
        return settings;
    }

    /** One value of {@code p}; each key takes exactly one draw from {@code rng}. */
    static Object value(SearchParam p, SplittableRandom rng) {
        return switch (p.kind()) {
            case CHOICE -> p.choices().get(rng.nextInt(p.choices().size()));
            case INTEGER -> integer((long) p.low() + rng.nextLong((long) p.high() - (long) p.low() + 1));
            case UNIFORM -> rounded(p.low() + (p.high() - p.low()) * rng.nextDouble(), p);
            case LOG_UNIFORM -> rounded(Math.exp(Math.log(p.low())
                    + (Math.log(p.high()) - Math.log(p.low())) * rng.nextDouble()), p);
        };
    }

    private static Object integer(long x) {
        return x == (int) x ? (Object) (int) x : (Object) x;
    }

    /** {@code x} to {@value #DIGITS} significant digits, unless that would leave the range. */
    private static double rounded(double x, SearchParam p) {
        double r = new BigDecimal(x).round(new MathContext(DIGITS)).doubleValue();
        return r >= p.low() && r <= p.high() ? r : x;
    }

    private static long mix(long seed, long n) {
        long z = seed * 0x9E3779B97F4A7C15L + n;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
