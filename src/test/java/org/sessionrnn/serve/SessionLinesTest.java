package org.sessionrnn.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sessionrnn.data.DataException;

class SessionLinesTest {
    private static List<String> lines(String text, int max) throws IOException {
        SessionLines in = new SessionLines(new StringReader(text), "stdin", max);
        List<String> all = new ArrayList<>();
        for (String line = in.next(); line != null; line = in.next()) {
            all.add(line);
        }
        return all;
    }

    @Test
    void linesEndAsBufferedReaderEndsThem() throws IOException {
        assertEquals(List.of("1 2", "3", "", "4,5", "6"), lines("1 2\n3\r\n\r4,5\r6", 10));
        assertEquals(List.of("1", ""), lines("1\n\n", 10));
        assertEquals(List.of(), lines("", 10));
        assertEquals(List.of("12345"), lines("12345\n", 5));
    }

    @Test
    void aLineLongerThanTheBoundIsRefusedWithItsNumber() throws IOException {
        // longer than the internal buffer, so the bound holds across reads
        String text = "1 2\n3 4\n" + "7".repeat(20_000) + "\n5\n";
        DataException e = assertThrows(DataException.class, () -> lines(text, 10_000));
        assertEquals("stdin line 3 is longer than 10,000 characters; give one session per line, item ids "
                + "separated by spaces or commas", e.getMessage());
        // a line of exactly the bound is read
        assertEquals(List.of("1 2", "3 4", "7".repeat(10_000)), lines(text.substring(0, 8 + 10_000), 10_000));
    }
}
