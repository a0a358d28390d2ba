package org.sessionrnn.runner;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.sessionrnn.cli.Main;
import org.sessionrnn.spec.ModelCatalogue;

/**
 * Runs the command line in a new JVM whose class path adds a {@link ModelCatalogue} registration under
 * {@code META-INF/services}, as an extension would be registered, so that a test kind exists there and nowhere
 * else (the test JVM knows only the project's kinds).
 */
final class ExtensionRunner {
    /** The runner's exit code and everything it printed. */
    record Run(int code, String log) {
    }

    private ExtensionRunner() {
    }

    /** Runs {@code args} with {@code catalogue} registered, from an extension folder in {@code dir}. */
    static Run run(Path dir, Class<? extends ModelCatalogue> catalogue, String... args) throws Exception {
        Path extension = dir.resolve(catalogue.getSimpleName().toLowerCase(java.util.Locale.ROOT) + "-extension");
        Path services = extension.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve(ModelCatalogue.class.getName()), catalogue.getName() + "\n");
        Path log = Files.createTempFile(dir, "runner", ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path") + File.pathSeparator + extension,
                Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("the runner did not finish in 5 minutes: " + Files.readString(log));
        }
        return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}
