package org.sessionrnn.data;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.razorvine.pickle.Opcodes;
import net.razorvine.pickle.PickleException;
import net.razorvine.pickle.Unpickler;
import org.sessionrnn.io.FileSniffer;
import org.sessionrnn.io.Limits;

/**
 * Decodes one pickle of SR-GNN's data files into plain Java values with razorvine's {@link Unpickler}, admitting
 * only the opcodes that lists, tuples and ints are made of. A pickle is a program: an opcode such as GLOBAL or
 * REDUCE names a Python callable and applies it, and razorvine would resolve it through its own registry of
 * constructors. Every opcode outside the allow-list is refused before razorvine reads its argument, so no class is
 * looked up, no function called and no string or bytes buffer of a declared length allocated. What razorvine
 * builds from the admitted opcodes is at most one object per opcode: the file's size bounds its memory. Shared
 * references through the memo are bounded later, when {@link SrgnnFile} walks the values and counts every element
 * each time it is reached.
 */
final class SrgnnPickle {
    /** Largest file read: well above YOOCHOOSE 1/4's prefix file, far below what a 32-bit array can hold. */
    static final long MAX_FILE_BYTES = 1L << 30;
    /** Java heap per file byte while decoding (boxed ints, list slots, the bytes themselves): an upper estimate. */
    static final long HEAP_BYTES_PER_FILE_BYTE = 24;

    private static final boolean[] ALLOWED = allowed();
    /** First opcodes of the accepted shapes: PROTO (protocol 2 and above), or protocol 0/1's MARK or lists. */
    private static final boolean[] STARTS = starts();
    private static final boolean[] CODE = code();

    private SrgnnPickle() {
    }

    /** The decoded value; a file too large, malformed, truncated or carrying code raises a {@link DataException}. */
    static Object decode(Path file) {
        byte[] bytes = read(file);
        Optional<String> compressed = FileSniffer.compressionOf(bytes);
        if (compressed.isPresent()) {
            throw new DataException(file + ": is " + compressed.get() + "-compressed, not a pickle; decompress it "
                    + "first");
        }
        if (!STARTS[bytes[0] & 0xff]) {
            throw new DataException(file + ": not a pickle: it starts with '" + start(bytes) + "'; expected SR-GNN's "
                    + "train.txt, test.txt or all_train_seq.txt (Python pickles of lists of item ids)");
        }
        Reader reader = new Reader(bytes);
        Guarded unpickler = new Guarded(file, reader);
        Object value;
        try {
            value = unpickler.load(reader);
        } catch (DataException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new DataException(file + ": not a readable pickle at byte " + unpickler.opcodeAt + " ("
                    + describe(e) + "); expected SR-GNN's train.txt, test.txt or all_train_seq.txt");
        }
        if (reader.available() > 0) {
            throw new DataException(file + ": " + reader.available() + " bytes after the pickle's end (STOP at byte "
                    + unpickler.opcodeAt + "); expected one pickled value");
        }
        return value;
    }

    /** The first bytes as text, control characters and non-ASCII bytes shown as '?'. */
    private static String start(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(bytes.length, 24); i++) {
            int b = bytes[i] & 0xff;
            text.append(b >= 0x20 && b < 0x7f ? (char) b : '?');
        }
        return text.toString();
    }

    private static byte[] read(Path file) {
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new DataException(file + ": " + Limits.bytes(size) + " is larger than the "
                        + Limits.bytes(MAX_FILE_BYTES) + " an SR-GNN pickle may have (for very large data give "
                        + "all_train_seq.txt, the sessions, instead of train.txt, their prefixes)");
            }
            long heap = size * HEAP_BYTES_PER_FILE_BYTE;
            if (heap > Limits.heapBytes()) {
                throw new DataException(file + ": decoding " + Limits.bytes(size) + " of pickle needs about "
                        + Limits.bytes(heap) + " of Java heap, more than its maximum " + Limits.bytes(Limits.heapBytes())
                        + "; give Java more heap (java -Xmx...)");
            }
            if (size == 0) {
                throw new DataException(file + ": empty file (expected a pickle)");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new DataException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    private static String describe(Exception e) {
        if (e instanceof IOException && "premature end of file".equals(e.getMessage())) {
            return "the file ends before the pickle does: truncated?";
        }
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + message;
    }

    /** The unpickler with every opcode outside lists, tuples and ints refused before it is dispatched. */
    private static final class Guarded extends Unpickler {
        private final Path file;
        private final Reader reader;
        private long opcodeAt;

        Guarded(Path file, Reader reader) {
            this.file = file;
            this.reader = reader;
        }

        @Override
        protected Object dispatch(short key) throws PickleException, IOException {
            opcodeAt = reader.position() - 1;
            if (key < 0 || key > 255 || !ALLOWED[key]) {
                throw new DataException(file + ": " + refusal(key) + " at byte " + opcodeAt
                        + "; only lists of item ids are read");
            }
            if (key == Opcodes.APPENDS) {
                appends();
                return NO_RETURN_VALUE;
            }
            return super.dispatch(key);
        }

        /** Razorvine's APPENDS without its trimToSize, which copies the whole list per batch of 1000 appends. */
        @SuppressWarnings("unchecked")
        private void appends() {
            List<Object> top = stack.pop_all_since_marker();
            ((List<Object>) stack.peek()).addAll(top);
        }

        private String refusal(short key) {
            if (key >= 0 && key <= 255 && CODE[key]) {
                String named = key == Opcodes.GLOBAL ? " " + reader.globalName() : "";
                return "the pickle calls or constructs Python code (opcode " + name(key) + named + ")";
            }
            return "opcode " + name(key) + " is not part of a list of ints (strings, floats, dicts and other "
                    + "values are refused)";
        }
    }

    /** A byte array stream that tells its position and can peek at GLOBAL's two text arguments. */
    private static final class Reader extends ByteArrayInputStream {
        Reader(byte[] bytes) {
            super(bytes);
        }

        long position() {
            return pos;
        }

        /** GLOBAL's "module name" as text, at most 80 characters, without consuming it. */
        String globalName() {
            int end = pos;
            int lines = 0;
            while (end < count && end - pos < 80 && lines < 2) {
                lines += buf[end++] == '\n' ? 1 : 0;
            }
            String text = new String(buf, pos, end - pos, StandardCharsets.ISO_8859_1).strip();
            return "'" + text.replace('\n', '.').replaceAll("\\p{Cntrl}", "?") + "'";
        }
    }

    private static boolean[] allowed() {
        boolean[] a = new boolean[256];
        for (short op : new short[] {Opcodes.PROTO, Opcodes.FRAME, Opcodes.STOP, Opcodes.MARK, Opcodes.EMPTY_LIST,
                Opcodes.LIST, Opcodes.APPEND, Opcodes.APPENDS, Opcodes.EMPTY_TUPLE, Opcodes.TUPLE, Opcodes.TUPLE1,
                Opcodes.TUPLE2, Opcodes.TUPLE3, Opcodes.INT, Opcodes.BININT, Opcodes.BININT1, Opcodes.BININT2,
                Opcodes.LONG1, Opcodes.PUT, Opcodes.BINPUT, Opcodes.LONG_BINPUT, Opcodes.MEMOIZE, Opcodes.GET,
                Opcodes.BINGET, Opcodes.LONG_BINGET}) {
            a[op] = true;
        }
        return a;
    }

    private static boolean[] starts() {
        boolean[] s = new boolean[256];
        for (short op : new short[] {Opcodes.PROTO, Opcodes.MARK, Opcodes.EMPTY_LIST, Opcodes.EMPTY_TUPLE}) {
            s[op] = true;
        }
        return s;
    }

    private static boolean[] code() {
        boolean[] c = new boolean[256];
        for (short op : new short[] {Opcodes.GLOBAL, Opcodes.STACK_GLOBAL, Opcodes.REDUCE, Opcodes.BUILD,
                Opcodes.INST, Opcodes.OBJ, Opcodes.NEWOBJ, Opcodes.NEWOBJ_EX, Opcodes.EXT1, Opcodes.EXT2,
                Opcodes.EXT4, Opcodes.PERSID, Opcodes.BINPERSID}) {
            c[op] = true;
        }
        return c;
    }

    private static final String[] NAMES = names();

    /** Python's name of an opcode, e.g. GLOBAL, or its byte value. */
    static String name(short key) {
        if (key >= 0 && key < NAMES.length && NAMES[key] != null) {
            return NAMES[key];
        }
        return String.format(Locale.ROOT, "0x%02x", key);
    }

    private static String[] names() {
        String[] n = new String[256];
        for (java.lang.reflect.Field f : Opcodes.class.getFields()) {
            if (f.getType() == short.class) {
                try {
                    n[f.getShort(null)] = f.getName();
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return n;
    }
}
