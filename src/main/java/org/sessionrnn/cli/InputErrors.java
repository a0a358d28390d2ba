package org.sessionrnn.cli;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.List;
import org.sessionrnn.claims.ClaimException;
import org.sessionrnn.data.DataException;
import org.sessionrnn.export.ExportException;
import org.sessionrnn.results.ResultsFileException;
import org.sessionrnn.spec.SpecException;
import picocli.CommandLine;

/**
 * Which problems are the user's input (exit code 2) rather than the program's: a bad spec, data file, results
 * file or command line, a results folder in use, and a file the system refuses to read or create (missing, not
 * allowed, name too long), with the file named. Every command's input errors are one of these types, so that
 * the mapping to exit codes lives here and nowhere else.
 */
final class InputErrors {
    private static final List<Class<? extends Throwable>> INPUT = List.of(SpecException.class,
            DataException.class, UsageException.class, ResultsFileException.class,
            ExportException.class, ClaimException.class, CommandLine.ParameterException.class);

    private InputErrors() {
    }

    /** Whether {@code e} is bad input: exit code 2. */
    static boolean isInputError(Throwable e) {
        return declared(e) || fileSystem(e) != null;
    }

    /** The message to show: a refused file operation names the file and the system's reason. */
    static String message(Throwable e) {
        FileSystemException fs = fileSystem(e);
        if (fs != null && !declared(e)) {
            String reason = fs.getReason() != null ? fs.getReason()
                    : fs instanceof AccessDeniedException ? "permission denied"
                    : fs instanceof NoSuchFileException ? "no such file or folder"
                    : fs instanceof NotDirectoryException ? "not a folder" : fs.getClass().getSimpleName();
            return fs.getFile() + (fs.getOtherFile() == null ? "" : " -> " + fs.getOtherFile()) + ": " + reason;
        }
        return e.getMessage();
    }

    private static boolean declared(Throwable e) {
        return INPUT.stream().anyMatch(type -> type.isInstance(e));
    }

    private static FileSystemException fileSystem(Throwable e) {
        if (e instanceof FileSystemException fs) {
            return fs;
        }
        if (e instanceof UncheckedIOException u && u.getCause() instanceof FileSystemException fs) {
            return fs;
        }
        return null;
    }
}
