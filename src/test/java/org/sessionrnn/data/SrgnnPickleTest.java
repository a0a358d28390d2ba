package org.sessionrnn.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pickle is code: SR-GNN files that call functions, name classes razorvine knows, are damaged, of the wrong
 * shape, or built to exhaust memory are each refused with one line naming the file and what is wrong. The
 * fixtures are made by {@code src/test/resources/fixtures/srgnn/make.py}; the memory bombs are built here.
 */
class SrgnnPickleTest {
    @TempDir
    Path dir;

    @Test
    void aPickleCallingOsSystemIsRefusedAndRunsNothing() {
        assertRefused("os_system.txt", "calls or constructs Python code", "GLOBAL 'posix.system'", "at byte 18");
        assertRefused("os_system_protocol0.txt", "calls or constructs Python code", "GLOBAL");
        assertFalse(Files.exists(Path.of("/tmp/srgnn-pickle-ran")), "the pickle's command ran");
    }

    @Test
    void classesRazorvineCouldConstructAreRefused() {
        assertRefused("decimal.txt", "calls or constructs Python code", "'decimal.Decimal'");
        assertRefused("set.txt", "calls or constructs Python code", "'__builtin__.set'");
        // protocol 4 names datetime by strings on the stack (STACK_GLOBAL): the string is already refused
        assertRefused("datetime.txt", "opcode SHORT_BINUNICODE is not part of a list of ints");
    }

    @Test
    void everyOpcodeThatRunsCodeIsRefusedBeforeItsArgumentIsRead() {
        for (int op : new int[] {'c', 0x93, 'R', 'b', 'i', 'o', 0x81, 0x92, 0x82, 0x83, 0x84, 'P', 'Q'}) {
            Path file = write("op.txt", new byte[] {(byte) 0x80, 3, ']', (byte) op, 0, 0, 0, 0, '.'});
            DataException e = assertThrows(DataException.class, () -> SrgnnFile.read(file));
            assertTrue(e.getMessage().contains("calls or constructs Python code"), e.getMessage());
        }
    }

    @Test
    void valuesOtherThanListsOfPositiveIntsAreRefused() {
        assertRefused("padding.txt", "prefixes[0][1] is 0; item ids start at 1 (0 is SR-GNN's padding)");
        assertRefused("negative.txt", "labels[0] is -3; item ids start at 1");
        assertRefused("strings.txt", "opcode BINUNICODE is not part of a list of ints");
        assertRefused("floats.txt", "opcode BINFLOAT");
        assertRefused("dict.txt", "opcode EMPTY_DICT");
        assertRefused("mismatch.txt", "2 prefixes but 1 labels");
        assertRefused("empty_prefix.txt", "prefixes[1] is empty");
        assertRefused("too_deep.txt", "prefixes[0][0] is a list; expected an item id");
        assertRefused("big_id.txt", "labels[0] is 1099511627776, above the largest catalogue");
    }

    @Test
    void damagedFilesAreRefused() {
        assertRefused("truncated.txt", "not a readable pickle", "truncated?");
        assertRefused("trailing.txt", "5 bytes after the pickle's end");
        Path empty = write("empty.txt", new byte[0]);
        assertMessage(assertThrows(DataException.class, () -> SrgnnFile.read(empty)), empty, "empty file");
        Path text = write("text.txt", "SessionId\tItemId\tTime\n1\t2\t3\n".getBytes());
        assertMessage(assertThrows(DataException.class, () -> SrgnnFile.read(text)), text,
                "not a pickle: it starts with 'SessionId?ItemId?Time?1?'");
        Path string = write("string.txt", new byte[] {(byte) 0x80, 3, 'S', '\'', 'a', '\'', '\n', '.'});
        assertMessage(assertThrows(DataException.class, () -> SrgnnFile.read(string)), string, "opcode STRING");
        Path gzip = write("gzip.txt", new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0});
        assertMessage(assertThrows(DataException.class, () -> SrgnnFile.read(gzip)), gzip,
                "is gzip-compressed, not a pickle");
        byte[] huge = new byte[2 + 2 + 255 + 1];
        huge[0] = (byte) 0x80;
        huge[1] = 3;
        huge[2] = (byte) 0x8a;
        huge[3] = (byte) 255;
        java.util.Arrays.fill(huge, 4, 4 + 255, (byte) 0x7f);
        huge[huge.length - 1] = '.';
        Path bigNumber = write("bignumber.txt", huge);
        DataException number = assertThrows(DataException.class, () -> SrgnnFile.read(bigNumber));
        assertMessage(number, bigNumber, "is the number ", "(614 digits); expected a list");
        Path badMemo = write("memo.txt", new byte[] {(byte) 0x80, 3, 'h', 7, '.'});
        assertMessage(assertThrows(DataException.class, () -> SrgnnFile.read(badMemo)), badMemo,
                "not a readable pickle", "invalid memo key");
        Path underflow = write("underflow.txt", new byte[] {(byte) 0x80, 3, 'a', '.'});
        assertMessage(assertThrows(DataException.class, () -> SrgnnFile.read(underflow)), underflow,
                "not a readable pickle at byte 2");
    }

    @Test
    void idsPickledAsLongsInRangeAreRead() {
        // [[5, 7]] with 5 as LONG1: Python writes small ints with BININT*, a hand-made pickle may not
        Path file = write("long.txt", new byte[] {(byte) 0x80, 2, ']', '(', ']', '(', (byte) 0x8a, 1, 5, 'K', 7,
                'e', 'e', '.'});
        SrgnnFile read = SrgnnFile.read(file);
        assertEquals(5, read.items()[0]);
        assertEquals(7, read.items()[1]);
    }

    @Test
    void aListSharedAMillionTimesThroughTheMemoIsRefused() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(0x80);
        b.write(3);
        b.write(']');
        b.write('q');
        b.write(0);
        b.write('(');
        for (int i = 0; i < 1000; i++) {
            b.write('K');
            b.write(1 + i % 200);
        }
        b.write('e');
        b.write(']');
        for (int batch = 0; batch < 1000; batch++) {
            b.write('(');
            for (int i = 0; i < 1000; i++) {
                b.write('h');
                b.write(0);
            }
            b.write('e');
        }
        b.write('.');
        Path file = write("shared.txt", b.toByteArray());
        long start = System.nanoTime();
        DataException e = assertThrows(DataException.class, () -> SrgnnFile.read(file));
        assertMessage(e, file, "reaches more than", "refused to bound memory");
        assertTrue((System.nanoTime() - start) / 1e9 < 20, "refused quickly");
    }

    @Test
    void deepNestingIsRefusedWithoutRecursion() {
        int depth = 1_000_000;
        byte[] bytes = new byte[2 + 2 * depth];
        bytes[0] = (byte) 0x80;
        bytes[1] = 3;
        for (int i = 0; i < depth; i++) {
            bytes[2 + i] = ']';
        }
        for (int i = 0; i < depth - 1; i++) {
            bytes[2 + depth + i] = 'a';
        }
        bytes[bytes.length - 1] = '.';
        Path file = write("deep.txt", bytes);
        assertMessage(assertThrows(DataException.class, () -> SrgnnFile.read(file)), file,
                "sessions[0][0] is a list; expected an item id");
    }

    @Test
    void hugeDeclaredLengthsAreRefusedBeforeAnythingIsAllocated() {
        for (int op : new int[] {'X', 'B', 'T', 0x8d, 0x8e, 0x96, 0x8b}) {
            Path file = write("long.txt", new byte[] {(byte) 0x80, 3, (byte) op, -1, -1, -1, 0x7f, -1, -1, -1, 0x7f});
            DataException e = assertThrows(DataException.class, () -> SrgnnFile.read(file));
            assertMessage(e, file, "is not part of a list of ints", "at byte 2");
        }
    }

    @Test
    void aFileOverTheSizeCapIsRefusedUnread() throws IOException {
        Path file = dir.resolve("huge.txt");
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(SrgnnPickle.MAX_FILE_BYTES + 1);
        }
        assertMessage(assertThrows(DataException.class, () -> SrgnnFile.read(file)), file,
                "is larger than the 1.1 GB an SR-GNN pickle may have");
    }

    private Path write(String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertRefused(String fixture, String... parts) {
        Path file = SrgnnReaderTest.srgnn(fixture);
        assertMessage(assertThrows(DataException.class, () -> SrgnnFile.read(file)), file, parts);
    }

    private static void assertMessage(DataException e, Path file, String... parts) {
        String m = e.getMessage();
        assertTrue(m.startsWith(file + ": "), m);
        assertFalse(m.contains("\n"), "one line: " + m);
        for (String part : parts) {
            assertTrue(m.contains(part), "'" + part + "' not in: " + m);
        }
    }
}
