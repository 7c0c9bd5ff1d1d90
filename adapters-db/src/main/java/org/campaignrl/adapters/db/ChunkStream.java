package org.campaignrl.adapters.db;

import java.util.Comparator;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The rows of a table kept in numbered chunks (V8's {@code dataset_customers}, {@code campaign_assignments}) as a
 * stream: chunk 0, 1, ... read one query each when the stream reaches it, so that only one chunk's values are held
 * at a time. One connection serves every chunk (PostgreSQL opens one per unit of work, which a chunk each would pay
 * 31 times for half a million customers); it is opened at the first element and given back at the last chunk or
 * when the stream is closed, whichever comes first. Stored chunks never change, so no transaction is needed.
 */
final class ChunkStream {
    private ChunkStream() {}

    /** A chunk whose columns do not hold the count its row says: {@code whose} is "the customers of dataset 3". */
    static IllegalStateException damaged(String whose, int chunk, int count) {
        return new IllegalStateException(
                whose + " are damaged: chunk " + chunk + " does not hold the " + count + " customers it says");
    }

    /** One chunk's values by position. */
    interface Chunk<T> {
        int size();

        T get(int position);
    }

    /** Reads chunk {@code number}, or empty past the last. */
    interface Loader<T> {
        Optional<? extends Chunk<T>> load(Handle handle, int number);
    }

    /** The values of every chunk in order; {@code order} is the order they come in (ascending id). */
    static <T> Stream<T> of(Jdbi jdbi, Loader<T> loader, Comparator<? super T> order) {
        Reader<T> reader = new Reader<>(jdbi, loader, order);
        return StreamSupport.stream(reader, false).onClose(reader::release);
    }

    private static final class Reader<T> extends Spliterators.AbstractSpliterator<T> {
        private final Jdbi jdbi;
        private final Loader<T> loader;
        private final Comparator<? super T> order;
        private Handle handle;
        private Chunk<T> chunk;
        private int nextChunk;
        private int position;
        private boolean done;

        Reader(Jdbi jdbi, Loader<T> loader, Comparator<? super T> order) {
            super(
                    Long.MAX_VALUE,
                    Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.DISTINCT | Spliterator.SORTED);
            this.jdbi = jdbi;
            this.loader = loader;
            this.order = order;
        }

        @Override
        public Comparator<? super T> getComparator() {
            return order;
        }

        @Override
        public boolean tryAdvance(Consumer<? super T> action) {
            while (!done && (chunk == null || position == chunk.size())) {
                if (handle == null) {
                    handle = jdbi.open();
                }
                Optional<? extends Chunk<T>> next;
                try {
                    next = loader.load(handle, nextChunk++);
                } catch (RuntimeException e) {
                    release();
                    throw e;
                }
                chunk = next.orElse(null);
                position = 0;
                if (next.isEmpty()) {
                    release();
                }
            }
            if (done) {
                return false;
            }
            action.accept(chunk.get(position++));
            return true;
        }

        /** Gives the connection back; nothing more is read. */
        void release() {
            done = true;
            chunk = null;
            if (handle != null) {
                Handle open = handle;
                handle = null;
                open.close();
            }
        }
    }
}
