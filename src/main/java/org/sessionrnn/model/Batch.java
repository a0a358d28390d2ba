package org.sessionrnn.model;

/**
 * A reusable mini-batch of input sequences, right-aligned and left-padded with the padding index so that the
 * last real click of every row sits in the last time step. Rows {@code 0..size-1} are valid.
 */
public final class Batch {
    private final int capacity;
    private final int steps;
    private final int padding;
    private final int[] inputs;
    private final int[] labels;
    private final int[] lengths;
    private final int[] sources;
    private int size;

    /**
     * @param capacity the largest number of rows
     * @param steps    time steps per row (the maximum input length)
     * @param padding  the item index used for padding (the catalogue size)
     */
    public Batch(int capacity, int steps, int padding) {
        this.capacity = capacity;
        this.steps = steps;
        this.padding = padding;
        this.inputs = new int[capacity * steps];
        this.labels = new int[capacity];
        this.lengths = new int[capacity];
        this.sources = new int[capacity];
    }

    /** Empties the batch. */
    public void clear() {
        size = 0;
    }

    /**
     * Adds a row from {@code clicks[0..length-1]} (oldest first, at most {@link #steps()} of them) and its
     * label.
     */
    public void add(int[] clicks, int length, int label) {
        add(clicks, length, label, -1);
    }

    /**
     * Adds a row as {@link #add(int[], int, int)} and remembers the index of the sequence it came from, so a model
     * that needs more of the sequence than its input (M3's privileged future clicks) can look it up.
     */
    public void add(int[] clicks, int length, int label, int source) {
        if (size == capacity) {
            throw new IllegalStateException("batch is full");
        }
        if (length > steps) {
            throw new IllegalArgumentException("row longer than " + steps + " steps: " + length);
        }
        int rowStart = size * steps;
        int pad = steps - length;
        java.util.Arrays.fill(inputs, rowStart, rowStart + pad, padding);
        System.arraycopy(clicks, 0, inputs, rowStart + pad, length);
        labels[size] = label;
        lengths[size] = length;
        sources[size] = source;
        size++;
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return capacity;
    }

    public int steps() {
        return steps;
    }

    public int padding() {
        return padding;
    }

    /** Flat row-major inputs; only the first {@code size * steps} entries are valid. */
    int[] inputs() {
        return inputs;
    }

    int[] lengths() {
        return lengths;
    }

    int[] labels() {
        return labels;
    }

    /** Number of real clicks in row {@code r}. */
    public int length(int r) {
        return lengths[r];
    }

    /** Index of the sequence row {@code r} was built from, -1 when unknown. */
    public int source(int r) {
        return sources[r];
    }

    /** Label of row {@code r}. */
    public int label(int r) {
        return labels[r];
    }
}
