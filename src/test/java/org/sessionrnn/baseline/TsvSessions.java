package org.sessionrnn.baseline;

import org.sessionrnn.data.ItemIndex;
import org.sessionrnn.data.SessionTable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test-only reader for GRU4Rec-style {@code SessionId<TAB>ItemId<TAB>Time} files with a header: sessions in
 * order of first appearance, clicks sorted by time within a session (stable), items mapped through an
 * {@link ItemIndex}; clicks on unknown items are dropped.
 */
final class TsvSessions {
    private record Click(long item, double time) {
    }

    private final Map<String, List<Click>> sessions;

    private TsvSessions(Map<String, List<Click>> sessions) {
        this.sessions = sessions;
    }

    static TsvSessions read(Path file) {
        Map<String, List<Click>> sessions = new LinkedHashMap<>();
        try {
            List<String> lines = Files.readAllLines(file);
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split("\t");
                sessions.computeIfAbsent(f[0], k -> new ArrayList<>())
                        .add(new Click(Long.parseLong(f[1]), Double.parseDouble(f[2])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sessions.values().forEach(s -> s.sort(Comparator.comparingDouble(Click::time)));
        return new TsvSessions(sessions);
    }

    ItemIndex catalogue() {
        return ItemIndex.of(sessions.values().stream().flatMap(List::stream).mapToLong(Click::item).toArray());
    }

    SessionTable table(ItemIndex items) {
        List<int[]> kept = new ArrayList<>();
        for (List<Click> s : sessions.values()) {
            int[] dense = s.stream().mapToInt(c -> items.indexOf(c.item())).filter(i -> i >= 0).toArray();
            if (dense.length > 0) {
                kept.add(dense);
            }
        }
        return TinySessions.table(kept.toArray(new int[0][]));
    }
}
