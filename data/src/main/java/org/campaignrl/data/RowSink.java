package org.campaignrl.data;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/** Where the rows of one CSV file go: straight into the file, or through a seeded shuffle of the whole file. */
abstract class RowSink implements AutoCloseable {
    private static final int BUFFER_CHARS = 1 << 20;

    /** Appends one row (without its line end). */
    abstract void row(CharSequence line) throws IOException;

    /** Finishes the file. */
    @Override
    public abstract void close() throws IOException;

    /** Rows in the order given, after the header. */
    static RowSink inOrder(Path file, String header) throws IOException {
        Writer out = new BufferedWriter(
                new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), BUFFER_CHARS);
        out.write(header);
        out.write('\n');
        return new RowSink() {
            @Override
            void row(CharSequence line) throws IOException {
                out.append(line).append('\n');
            }

            @Override
            public void close() throws IOException {
                out.close();
            }
        };
    }

    /**
     * Rows in a uniformly random order drawn from {@code rng}, in memory bounded by {@code ROWS_PER_BUCKET} rows
     * whatever the file's size: each row goes to a bucket file chosen at random, and at the end each bucket is
     * read, shuffled (Fisher–Yates) and appended. Independent uniform buckets, each shuffled uniformly, give a
     * uniform permutation of the whole.
     *
     * @param expectedRows about how many rows will come, to size the buckets
     */
    static RowSink shuffled(Path file, String header, long expectedRows, SplittableRandom rng) throws IOException {
        return new Shuffled(file, header, expectedRows, rng);
    }

    private static final class Shuffled extends RowSink {
        private static final long ROWS_PER_BUCKET = 1 << 18;
        private static final int MAX_BUCKETS = 4096;
        /** The buckets' write buffers together stay within this. */
        private static final int BUFFERS_BYTES = 8 << 20;

        private final Path file;
        private final String header;
        private final SplittableRandom rng;
        private final Path[] bucketFiles;
        private final OutputStream[] buckets;

        Shuffled(Path file, String header, long expectedRows, SplittableRandom rng) throws IOException {
            this.file = file;
            this.header = header;
            this.rng = rng;
            int count =
                    (int) Math.max(1, Math.min(MAX_BUCKETS, (expectedRows + ROWS_PER_BUCKET - 1) / ROWS_PER_BUCKET));
            int buffer = Math.max(1 << 10, Math.min(1 << 16, BUFFERS_BYTES / count));
            bucketFiles = new Path[count];
            buckets = new OutputStream[count];
            for (int b = 0; b < count; b++) {
                bucketFiles[b] = file.resolveSibling("." + file.getFileName() + ".bucket-" + b);
                buckets[b] = new BufferedOutputStream(Files.newOutputStream(bucketFiles[b]), buffer);
            }
        }

        @Override
        void row(CharSequence line) throws IOException {
            OutputStream bucket = buckets[rng.nextInt(buckets.length)];
            // the generator's rows are ASCII: one byte per char
            for (int i = 0; i < line.length(); i++) {
                bucket.write(line.charAt(i));
            }
            bucket.write('\n');
        }

        @Override
        public void close() throws IOException {
            for (OutputStream bucket : buckets) {
                bucket.close();
            }
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), BUFFER_CHARS)) {
                out.write((header + '\n').getBytes(StandardCharsets.UTF_8));
                for (Path bucketFile : bucketFiles) {
                    byte[] bytes = Files.readAllBytes(bucketFile);
                    int[] starts = lineStarts(bytes);
                    int lines = starts.length - 1;
                    int[] order = new int[lines];
                    for (int i = 0; i < lines; i++) {
                        order[i] = i;
                    }
                    for (int i = lines - 1; i > 0; i--) {
                        int j = rng.nextInt(i + 1);
                        int swap = order[i];
                        order[i] = order[j];
                        order[j] = swap;
                    }
                    for (int line : order) {
                        out.write(bytes, starts[line], starts[line + 1] - starts[line]);
                    }
                    Files.delete(bucketFile);
                }
            } finally {
                for (Path bucketFile : bucketFiles) {
                    Files.deleteIfExists(bucketFile);
                }
            }
        }

        /** Offsets of every line's first byte, and one past the end. */
        private static int[] lineStarts(byte[] bytes) {
            int lines = 0;
            for (byte b : bytes) {
                if (b == '\n') {
                    lines++;
                }
            }
            int[] starts = new int[lines + 1];
            int line = 0;
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    starts[++line] = i + 1;
                }
            }
            return starts;
        }
    }
}
