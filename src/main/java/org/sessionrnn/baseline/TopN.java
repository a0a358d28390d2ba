package org.sessionrnn.baseline;

/**
 * Selects the {@code n} best candidates by similarity, deterministically: higher similarity first, and among
 * equal similarities the lower item index first. A bounded binary heap on primitive arrays keeps the current
 * best {@code n} with the worst at its root. One instance per thread; it is reused across items.
 */
final class TopN {
    private final int capacity;
    private final int[] heapIds;
    private final double[] heapSims;
    private int size;

    TopN(int capacity) {
        this.capacity = capacity;
        this.heapIds = new int[capacity];
        this.heapSims = new double[capacity];
    }

    void clear() {
        size = 0;
    }

    void offer(int id, double sim) {
        if (size < capacity) {
            heapIds[size] = id;
            heapSims[size] = sim;
            siftUp(size++);
        } else if (capacity > 0 && better(id, sim, heapIds[0], heapSims[0])) {
            heapIds[0] = id;
            heapSims[0] = sim;
            siftDown(0);
        }
    }

    /** Empties the heap into {@code ids}/{@code sims}, best first, and returns the count. */
    int drainBestFirst(int[] ids, double[] sims) {
        int count = size;
        while (size > 0) {
            ids[size - 1] = heapIds[0];
            sims[size - 1] = heapSims[0];
            size--;
            heapIds[0] = heapIds[size];
            heapSims[0] = heapSims[size];
            siftDown(0);
        }
        return count;
    }

    private static boolean better(int id, double sim, int otherId, double otherSim) {
        return sim > otherSim || (sim == otherSim && id < otherId);
    }

    private boolean worse(int a, int b) {
        return better(heapIds[b], heapSims[b], heapIds[a], heapSims[a]);
    }

    private void siftUp(int k) {
        while (k > 0) {
            int parent = (k - 1) >>> 1;
            if (!worse(k, parent)) {
                return;
            }
            swap(k, parent);
            k = parent;
        }
    }

    private void siftDown(int k) {
        while (true) {
            int child = 2 * k + 1;
            if (child >= size) {
                return;
            }
            if (child + 1 < size && worse(child + 1, child)) {
                child++;
            }
            if (!worse(child, k)) {
                return;
            }
            swap(k, child);
            k = child;
        }
    }

    private void swap(int a, int b) {
        int id = heapIds[a];
        heapIds[a] = heapIds[b];
        heapIds[b] = id;
        double sim = heapSims[a];
        heapSims[a] = heapSims[b];
        heapSims[b] = sim;
    }
}
