package org.sessionrnn.bench;

/**
 * Floating-point operations of one M1 training sequence (forward and backward), counting only matrix products
 * (2 FLOPs per multiply-add); element-wise work is left out, so the achieved GFLOP/s is a lower bound.
 *
 * <ul>
 *   <li>output layer: forward {@code h W} and backward {@code dLogits W^T} and {@code h^T dLogits}:
 *       {@code 3 * 2 * H * N}</li>
 *   <li>GRU, per real click (padding is not computed): input projection {@code 2 * E * 3H}, gates
 *       {@code 2 * H * 2H}, candidate {@code 2 * H * H}; backward twice the forward:
 *       {@code 3 * L * (6 E H + 6 H^2)} for an input of {@code L} clicks</li>
 * </ul>
 */
public final class FlopCount {
    private FlopCount() {
    }

    /** FLOPs per training sequence of {@code clicks} input clicks: {@code 6 H N + 3 L (6 E H + 6 H^2)}. */
    public static double trainingPerSequence(int items, int embedding, int hidden, double clicks) {
        double output = 6.0 * hidden * items;
        double gruForwardPerClick = 6.0 * embedding * hidden + 6.0 * hidden * hidden;
        return output + 3.0 * clicks * gruForwardPerClick;
    }
}
