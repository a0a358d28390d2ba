package org.sessionrnn.eval;

/** Rank of a target among scores, under both tie modes. */
public final class Ranks {
    private Ranks() {
    }

    /** 1 + the number of items scoring strictly higher than {@code scores[target]}. */
    public static int standard(float[] scores, int offset, int length, int target) {
        float t = scores[offset + target];
        int higher = 0;
        for (int i = offset, end = offset + length; i < end; i++) {
            if (scores[i] > t) {
                higher++;
            }
        }
        return higher + 1;
    }

    /** The number of items scoring at least as high as {@code scores[target]}, the target included. */
    public static int conservative(float[] scores, int offset, int length, int target) {
        float t = scores[offset + target];
        int atLeast = 0;
        for (int i = offset, end = offset + length; i < end; i++) {
            if (scores[i] >= t) {
                atLeast++;
            }
        }
        return atLeast;
    }

    /** As {@link #standard(float[], int, int, int)}, for scores computed in double (an ensemble's probabilities). */
    public static int standard(double[] scores, int offset, int length, int target) {
        double t = scores[offset + target];
        int higher = 0;
        for (int i = offset, end = offset + length; i < end; i++) {
            if (scores[i] > t) {
                higher++;
            }
        }
        return higher + 1;
    }

    /** As {@link #conservative(float[], int, int, int)}, for scores computed in double. */
    public static int conservative(double[] scores, int offset, int length, int target) {
        double t = scores[offset + target];
        int atLeast = 0;
        for (int i = offset, end = offset + length; i < end; i++) {
            if (scores[i] >= t) {
                atLeast++;
            }
        }
        return atLeast;
    }
}
