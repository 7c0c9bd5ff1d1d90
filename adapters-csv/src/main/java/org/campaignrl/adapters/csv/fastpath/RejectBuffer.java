package org.campaignrl.adapters.csv.fastpath;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The rejected rows of one part of a file, kept until the parts before it are read: only then is the
 * line its part starts on known, and only then may its rows follow theirs in the report. Held in memory
 * up to {@link #MEMORY_LIMIT} bytes, then in a temporary file, so a file full of rejected rows still
 * reads in bounded memory.
 */
final class RejectBuffer implements RejectSink, Closeable {
    static final int MEMORY_LIMIT = 1 << 20;

    private ByteArrayOutputStream memory = new ByteArrayOutputStream();
    private DataOutputStream out = new DataOutputStream(memory);
    private Path spill;
    private long count;

    @Override
    public void reject(String file, long line, String field, String reason, String value) {
        try {
            out.writeLong(line);
            writeString(field);
            writeString(reason);
            writeString(value);
            count++;
            if (memory != null && memory.size() > MEMORY_LIMIT) {
                spill();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot buffer rejected rows: " + e.getMessage(), e);
        }
    }

    long count() {
        return count;
    }

    /** Writes the buffered rows to the report, their lines moved on by {@code lineOffset}, in the order they came. */
    void replay(String file, long lineOffset, RejectSink report) {
        if (count == 0) {
            return;
        }
        try {
            out.flush();
            try (DataInputStream in = new DataInputStream(open())) {
                for (long i = 0; i < count; i++) {
                    long line = in.readLong();
                    report.reject(file, line + lineOffset, readString(in), readString(in), readString(in));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read back buffered rejected rows: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
            if (spill != null) {
                Files.deleteIfExists(spill);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + spill + ": " + e.getMessage(), e);
        }
    }

    private InputStream open() throws IOException {
        return spill == null
                ? new ByteArrayInputStream(memory.toByteArray())
                : new BufferedInputStream(Files.newInputStream(spill), 1 << 16);
    }

    private void spill() throws IOException {
        // Removed by close(), which the reader calls whatever happens (no deleteOnExit: a server ingests often).
        spill = Files.createTempFile("campaign-rl-rejects", ".bin");
        OutputStream file = new BufferedOutputStream(Files.newOutputStream(spill), 1 << 16);
        memory.writeTo(file);
        memory = null;
        out = new DataOutputStream(file);
    }

    // Length and UTF-8 bytes: unlike writeUTF, no 64 KiB limit on a value.
    private void writeString(String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
