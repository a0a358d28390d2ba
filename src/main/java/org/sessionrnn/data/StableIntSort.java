package org.sessionrnn.data;

/**
 * A stable merge sort of {@code int} arrays (indices, usually) under a caller's order, because the JDK has no
 * primitive sort with a comparator and boxing tens of millions of indices would cost gigabytes.
 */
final class StableIntSort {
    private static final int INSERTION_LIMIT = 32;

    /** Compares two ints, like {@link java.util.Comparator}. */
    @FunctionalInterface
    interface IntOrder {
        int compare(int a, int b);
    }

    private StableIntSort() {
    }

    /** Sorts {@code a} in place; equal elements keep their relative order. */
    static void sort(int[] a, IntOrder order) {
        int[] buffer = a.clone();
        mergeSort(buffer, a, 0, a.length, order);
    }

    /** Sorts {@code src[from, to)} into {@code dst[from, to)}; both start with the same contents. */
    private static void mergeSort(int[] src, int[] dst, int from, int to, IntOrder order) {
        if (to - from <= INSERTION_LIMIT) {
            insertionSort(dst, from, to, order);
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(dst, src, from, mid, order);
        mergeSort(dst, src, mid, to, order);
        merge(src, dst, from, mid, to, order);
    }

    private static void merge(int[] src, int[] dst, int from, int mid, int to, IntOrder order) {
        int i = from;
        int j = mid;
        for (int k = from; k < to; k++) {
            if (j >= to || (i < mid && order.compare(src[i], src[j]) <= 0)) {
                dst[k] = src[i++];
            } else {
                dst[k] = src[j++];
            }
        }
    }

    private static void insertionSort(int[] a, int from, int to, IntOrder order) {
        for (int i = from + 1; i < to; i++) {
            int v = a[i];
            int j = i - 1;
            while (j >= from && order.compare(a[j], v) > 0) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = v;
        }
    }
}
