package org.sessionrnn.data;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.sessionrnn.io.Limits;

/**
 * The content of one SR-GNN file as flat arrays: either prefix entries (a pair {@code (prefixes, labels)}, the
 * shape of {@code train.txt} and {@code test.txt}) or whole sessions (a list of lists, the shape of
 * {@code all_train_seq.txt}). Only lists or tuples of positive ints of one of these shapes are accepted: item ids
 * start at 1, since SR-GNN pads with 0. Walking the decoded values counts every element each time it is reached, so
 * a list that the pickle's memo shares a million times is refused instead of expanded.
 *
 * @param offsets where each list (prefix or session) starts in {@code items}, plus a final entry: the total
 * @param items   the item ids of all lists, concatenated
 * @param labels  the label (next item) of each prefix; null for sessions
 */
record SrgnnFile(int[] offsets, int[] items, int[] labels) {
    /** Slack of the element budget for tiny files. */
    private static final long BUDGET_SLACK = 1024;

    /** True for prefix entries, false for whole sessions. */
    boolean hasLabels() {
        return labels != null;
    }

    int lists() {
        return offsets.length - 1;
    }

    int length(int list) {
        return offsets[list + 1] - offsets[list];
    }

    int maxItem() {
        int max = 0;
        for (int item : items) {
            max = Math.max(max, item);
        }
        if (labels != null) {
            for (int label : labels) {
                max = Math.max(max, label);
            }
        }
        return max;
    }

    /** Reads a file of either shape, told apart by its structure. */
    static SrgnnFile read(Path file) {
        Object value = SrgnnPickle.decode(file);
        Walker walker = new Walker(file, budget(file));
        List<?> top = walker.sequence(value, "the pickle");
        if (value instanceof Object[] && top.size() == 2 || isPair(top)) {
            return walker.prefixes(top);
        }
        return walker.sessions(top, "the list of sessions");
    }

    /** Reads a file that must hold prefix entries, e.g. {@code test.txt}. */
    static SrgnnFile readPrefixes(Path file) {
        SrgnnFile read = read(file);
        if (!read.hasLabels()) {
            throw new DataException(file + ": holds a list of sessions; expected the pair (prefixes, labels) of "
                    + "SR-GNN's test.txt");
        }
        return read;
    }

    /** A pair (prefixes, labels): two lists of which the first holds lists (the prefixes). */
    private static boolean isPair(List<?> top) {
        if (top.size() != 2 || Walker.asList(top.get(0)) == null || Walker.asList(top.get(1)) == null) {
            return false;
        }
        List<?> first = Walker.asList(top.get(0));
        return !first.isEmpty() && Walker.asList(first.get(0)) != null;
    }

    private static long budget(Path file) {
        try {
            return 2 * java.nio.file.Files.size(file) + BUDGET_SLACK;
        } catch (java.io.IOException e) {
            throw new DataException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    /** Checks shapes and copies ids into arrays, counting every element reached against a budget. */
    private static final class Walker {
        private final Path file;
        private final long budget;
        private long reached;

        Walker(Path file, long budget) {
            this.file = file;
            this.budget = budget;
        }

        static List<?> asList(Object value) {
            if (value instanceof List<?> list) {
                return list;
            }
            return value instanceof Object[] tuple ? Arrays.asList(tuple) : null;
        }

        List<?> sequence(Object value, String where) {
            List<?> list = asList(value);
            if (list == null) {
                throw error(where + " is " + kind(value) + "; expected a list");
            }
            reach(list.size());
            return list;
        }

        SrgnnFile prefixes(List<?> pair) {
            List<?> prefixes = sequence(pair.get(0), "prefixes");
            List<?> labels = sequence(pair.get(1), "labels");
            if (prefixes.isEmpty()) {
                throw error("holds no prefixes; expected at least one (prefix, label) entry");
            }
            if (prefixes.size() != labels.size()) {
                throw error(prefixes.size() + " prefixes but " + labels.size() + " labels; expected one label per "
                        + "prefix");
            }
            SrgnnFile lists = lists(prefixes, "prefixes");
            int[] ids = new int[labels.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = item(labels.get(i), "labels", i, -1);
            }
            return new SrgnnFile(lists.offsets, lists.items, ids);
        }

        SrgnnFile sessions(List<?> sessions, String where) {
            if (sessions.isEmpty()) {
                throw error(where + " is empty");
            }
            return lists(sessions, "sessions");
        }

        private SrgnnFile lists(List<?> lists, String name) {
            int[] offsets = new int[lists.size() + 1];
            int[] items = new int[Math.min(1 << 20, Math.max(16, lists.size()))];
            int n = 0;
            for (int i = 0; i < lists.size(); i++) {
                List<?> list = asList(lists.get(i));
                if (list == null) {
                    throw error(name + "[" + i + "] is " + kind(lists.get(i)) + "; expected a list");
                }
                reach(list.size());
                if (list.isEmpty()) {
                    throw error(name + "[" + i + "] is empty; expected at least one item id");
                }
                if (n + list.size() > items.length) {
                    items = Arrays.copyOf(items, (int) Math.min(Limits.MAX_ELEMENTS,
                            Math.max(n + (long) list.size(), items.length * 3L / 2)));
                }
                for (int j = 0; j < list.size(); j++) {
                    items[n++] = item(list.get(j), name, i, j);
                }
                offsets[i + 1] = n;
            }
            return new SrgnnFile(offsets, Arrays.copyOf(items, n), null);
        }

        /** The id at {@code name[i]} ({@code j < 0}) or {@code name[i][j]}; the location is built only on error. */
        private int item(Object value, String name, int i, int j) {
            if (value instanceof Integer id && id >= 1 && id <= Limits.MAX_ITEMS) {
                return id;
            }
            if (value instanceof Long id && id >= 1 && id <= Limits.MAX_ITEMS) {
                return (int) (long) id;
            }
            String where = name + "[" + i + "]" + (j < 0 ? "" : "[" + j + "]");
            if (!(value instanceof Integer || value instanceof Long)) {
                throw error(where + " is " + kind(value) + "; expected an item id (an int >= 1)");
            }
            long id = ((Number) value).longValue();
            if (id < 1) {
                throw error(where + " is " + id + "; item ids start at 1 (0 is SR-GNN's padding)");
            }
            throw error(where + " is " + id + ", above the largest catalogue of " + Limits.MAX_ITEMS
                    + " items (every id 1..max is scored)");
        }

        private void reach(long elements) {
            reached += elements;
            if (reached > budget) {
                throw error("the pickle reaches more than " + budget + " elements, more than a file of its size "
                        + "can hold without sharing lists through the memo; refused to bound memory");
            }
        }

        private DataException error(String what) {
            return new DataException(file + ": " + what);
        }

        private static String kind(Object value) {
            if (value == null) {
                return "None";
            }
            if (value instanceof List<?> || value instanceof Object[]) {
                return "a list";
            }
            if (value instanceof Boolean b) {
                return "a bool (" + b + ")";
            }
            if (value instanceof Number) {
                String digits = value.toString();
                return "the number " + (digits.length() > 24 ? digits.substring(0, 20) + "... (" + digits.length()
                        + " digits)" : digits);
            }
            return "a " + value.getClass().getSimpleName();
        }
    }
}
