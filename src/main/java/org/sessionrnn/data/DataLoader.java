package org.sessionrnn.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.sessionrnn.io.Sha256;
import org.sessionrnn.spec.DataSpec;
import org.sessionrnn.spec.PreprocessSpec;
import org.sessionrnn.spec.SyntheticSpec;

/**
 * Turns a {@link DataSpec} into a {@link Dataset}: reads (or generates) the clicks of its source, preprocesses
 * them, and records a readable name and a content hash of the input for provenance. Loading writes nothing:
 * synthetic clicks not cached yet are generated in memory, and {@link #writeCache} stores them once the caller
 * has accepted the data, so that refused data leaves no trace.
 */
public final class DataLoader {
    /** Hex digits kept of data hashes. */
    static final int HASH_DIGITS = 16;

    private final Path cacheDir;
    private final PreprocessListener listener;

    /**
     * @param cacheDir where synthetic data is cached by {@link #writeCache} and reused
     * @param listener told the data size after each preprocessing step
     */
    public DataLoader(Path cacheDir, PreprocessListener listener) {
        this.cacheDir = cacheDir;
        this.listener = listener;
    }

    /** Loads the dataset; any problem with the files or settings raises a {@link DataException}. */
    public Dataset load(DataSpec spec) {
        PreprocessSpec preprocess = spec.preprocess() == null ? PreprocessSpec.RSC15 : spec.preprocess();
        Rsc15Preprocessor preprocessor = new Rsc15Preprocessor(preprocess, listener);
        String source = spec.source() == null ? "" : spec.source().toLowerCase(Locale.ROOT);
        switch (source) {
            case "synthetic":
                return synthetic(required(spec.synthetic(), "synthetic", source), preprocessor);
            case "yoochoose": {
                Path file = existing(spec.path(), "path", source);
                return preprocessor.preprocess(YoochooseReader.read(file), file.getFileName().toString(),
                        contentHash(file));
            }
            case "gru4rec": {
                Path train = existing(spec.train(), "train", source);
                Path test = existing(spec.test(), "test", source);
                return preprocessor.fromSplit(Gru4recTsvReader.read(train), Gru4recTsvReader.read(test),
                        train.getFileName() + "+" + test.getFileName(), contentHash(train, test));
            }
            case "srgnn": {
                Path train = existing(spec.train(), "train", source);
                Path test = existing(spec.test(), "test", source);
                return SrgnnReader.read(train, test, train.getFileName() + "+" + test.getFileName(),
                        contentHash(train, test), listener);
            }
            case "csv": {
                Path file = existing(spec.path(), "path", source);
                return preprocessor.preprocess(DelimitedReader.read(file, required(spec.csv(), "csv", source)),
                        file.getFileName().toString(), contentHash(file));
            }
            default:
                throw new DataException("unknown data source '" + spec.source()
                        + "' (expected synthetic, yoochoose, gru4rec, srgnn or csv)");
        }
    }

    /** The data hash recorded with every run: SHA-256 of the files' bytes, in order. */
    static String contentHash(Path... files) {
        try {
            return Sha256.ofFiles(HASH_DIGITS, files);
        } catch (IOException e) {
            throw new DataException(Arrays.toString(files) + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    /**
     * The training data only, in a {@link Dataset#withoutTest() view without a test split}, for hyperparameter
     * selection. The already split pairs (GRU4Rec's TSVs, SR-GNN's pickles) are read without opening the test
     * file; the other sources split by time, so their whole file is read and the test sessions dropped. The
     * training sessions equal those of {@link #load}, and so does the catalogue except for SR-GNN's files, whose
     * catalogue is every id up to the largest one read (without the test file, the largest training id); the
     * data hash covers what was read.
     */
    public Dataset loadTraining(DataSpec spec) {
        if ("srgnn".equalsIgnoreCase(String.valueOf(spec.source()))) {
            Path train = existing(spec.train(), "train", "srgnn");
            return SrgnnReader.readTraining(train, train.getFileName().toString(), contentHash(train), listener);
        }
        if (!"gru4rec".equalsIgnoreCase(String.valueOf(spec.source()))) {
            return load(spec).withoutTest();
        }
        PreprocessSpec preprocess = spec.preprocess() == null ? PreprocessSpec.RSC15 : spec.preprocess();
        Path train = existing(spec.train(), "train", "gru4rec");
        return new Rsc15Preprocessor(preprocess, listener).trainingOnly(Gru4recTsvReader.read(train),
                train.getFileName().toString(), contentHash(train));
    }

    /** The cached synthetic clicks, or the same clicks generated in memory. */
    private Dataset synthetic(SyntheticSpec settings, Rsc15Preprocessor preprocessor) {
        ClickLog clicks = new SyntheticDataCache(cacheDir).cached(settings).map(YoochooseReader::read)
                .orElseGet(() -> new SyntheticClickGenerator(settings).clicks());
        String name = String.format(Locale.ROOT, "synthetic(clicks=%d, items=%d, seed=%d)", settings.clicks(),
                settings.items(), settings.seed());
        return preprocessor.preprocess(clicks, name, SyntheticDataCache.key(settings));
    }

    /**
     * Stores synthetic data in the cache folder for the next run (the clicks {@link #load} generated); does
     * nothing for other sources. Call it only once the data and the spec have been accepted.
     */
    public void writeCache(DataSpec spec) {
        if ("synthetic".equalsIgnoreCase(String.valueOf(spec.source())) && spec.synthetic() != null) {
            new SyntheticDataCache(cacheDir).materialise(spec.synthetic());
        }
    }

    private static <T> T required(T value, String field, String source) {
        if (value == null) {
            throw new DataException("data source '" + source + "' needs the '" + field + "' setting");
        }
        return value;
    }

    private static Path existing(Path file, String field, String source) {
        if (Files.isDirectory(required(file, field, source))) {
            throw new DataException("data " + field + " " + file + " is a folder, not a data file (source '"
                    + source + "')");
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new DataException("data " + field + " " + file + " is not a regular file (source '" + source
                    + "')");
        }
        if (!Files.isRegularFile(file)) {
            throw new DataException("data " + field + " " + file.toAbsolutePath().normalize()
                    + " not found (source '" + source + "')");
        }
        return file;
    }
}
