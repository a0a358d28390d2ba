package org.sessionrnn.cli;

import java.net.InetAddress;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.sessionrnn.export.ExportedModel;
import org.sessionrnn.serve.ModelServer;
import org.sessionrnn.serve.Recommender;
import org.sessionrnn.serve.ServerSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code serve MODEL_DIR --port P}: TF Serving's REST predict API for one exported model. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve an exported model over HTTP with TF Serving's REST shape "
                + "(POST /v1/models/NAME:predict, GET /v1/models/NAME, GET /healthz). Ctrl-C stops it.")
final class ServeCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Mixin
    ExportFolder export;

    @Option(names = "--port", defaultValue = "8501", description = "Port (default: ${DEFAULT-VALUE}, TF Serving's REST port)")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address to bind (default: ${DEFAULT-VALUE}; 0.0.0.0 exposes the server to the network)")
    String host;

    @Option(names = "--name", description = "Model name in the URL (default: the export folder's name)")
    String name;

    @Option(names = "-k", defaultValue = "20", description = "Items per session when a request has no 'k' (default: ${DEFAULT-VALUE})")
    int k;

    @Option(names = "--batch-wait-ms", defaultValue = "2", description = "How long a request waits to be batched with others (default: ${DEFAULT-VALUE})")
    double batchWaitMs;

    @Option(names = "--batch-rows", defaultValue = "256", description = "Most sessions per model call (default: ${DEFAULT-VALUE})")
    int batchRows;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw new UsageException("--port must be between 0 and 65535, got " + port);
        }
        if (batchWaitMs < 0 || batchWaitMs > 1000 || batchRows < 1) {
            throw new UsageException("--batch-wait-ms must be 0..1000 and --batch-rows positive");
        }
        String modelName = name != null ? name : defaultName(export.dir);
        if (!modelName.matches("[A-Za-z0-9._-]+")) {
            throw new UsageException("--name must be letters, digits, '.', '_' or '-', got '" + modelName + "'");
        }
        checkHost(host);
        export.checkK(k);
        try (ExportedModel model = ExportedModel.load(export.dir)) {
            Recommender recommender = new Recommender(model);
            ServerSettings settings = ServerSettings.defaults(modelName).withHost(host).withPort(port)
                    .withDefaultK(k).withBatching(batchRows, batchWaitMs);
            ModelServer server;
            try {
                server = ModelServer.start(recommender, settings);
            } catch (SocketException e) { // in use, not this machine's address, not allowed
                throw new UsageException("cannot listen on " + host + ":" + port + " (" + e.getMessage() + ")");
            }
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                main.out().println("Stopping: answering queued requests");
                server.stop(2);
                stopped.countDown();
            }, "serve-shutdown"));
            main.out().printf("Serving %s (%s, version %d, %,d items) on http://%s:%d/v1/models/%s (loaded in %.1f s); "
                            + "Ctrl-C stops%n", modelName, model.manifest().model(), model.manifest().version(),
                    model.manifest().items(), host, server.port(), modelName, model.loadSeconds());
            main.out().flush();
            stopped.await();
        }
        return 0;
    }

    /** A host name that does not resolve is named before the model is loaded, not as a socket error after. */
    private static void checkHost(String host) {
        try {
            InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new UsageException("--host " + host + ": unknown host; give an address of this machine such as "
                    + "127.0.0.1 or 0.0.0.0");
        }
    }

    /** The export folder's name: {@code exports/m1} serves as {@code m1}. */
    static String defaultName(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        Path name = abs.getFileName();
        if (name != null && name.toString().matches("[0-9]+") && abs.getParent() != null) {
            name = abs.getParent().getFileName();
        }
        return name == null ? "model" : name.toString();
    }
}
