package org.campaignrl.boot;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.Consumer;
import java.util.function.Function;
import org.campaignrl.adapters.db.Storage;
import org.campaignrl.application.Background;

/**
 * A {@link Storage} being opened on a thread of its own, with its repositories ready at once. Opening a
 * database is most of a second of a short command (starting H2 or the PostgreSQL driver, migrations, Jdbi's
 * first statement), and what comes first rarely needs it: an ingest reads the logs, a server builds its
 * pages. Each repository call waits until the database is open; when opening failed, every call throws that
 * failure as it was thrown, so a locked or unreachable database is reported as before, one step later.
 */
final class OpeningStorage implements AutoCloseable {
    private final Background<Storage> opened;

    private OpeningStorage(Background<Storage> opened) {
        this.opened = opened;
    }

    /** Opens {@code jdbcUrl}, then hands the open storage to {@code thenFirst} before anyone else uses it. */
    static OpeningStorage start(String jdbcUrl, Consumer<Storage> thenFirst) {
        return new OpeningStorage(Background.start("open-storage", () -> {
            Storage storage = Storage.open(jdbcUrl);
            try {
                thenFirst.accept(storage);
                return storage;
            } catch (RuntimeException | Error e) {
                storage.close();
                throw e;
            }
        }));
    }

    /** The storage, once open. */
    Storage storage() {
        return opened.join();
    }

    /** One of the storage's repositories, usable now: each call waits for the database to be open. */
    <T> T port(Class<T> type, Function<Storage, T> repository) {
        return type.cast(Proxy.newProxyInstance(
                type.getClassLoader(),
                new Class<?>[] {type},
                (proxy, method, args) -> isObjectMethod(method)
                        ? objectMethod(proxy, method, args, type)
                        : invoke(method, repository.apply(storage()), args)));
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static boolean isObjectMethod(Method method) {
        return method.getDeclaringClass() == Object.class;
    }

    private static Object objectMethod(Object proxy, Method method, Object[] args, Class<?> type) {
        return switch (method.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            default -> type.getSimpleName() + " of the storage being opened";
        };
    }

    /** Closes the storage once it is open; one that failed to open has nothing to close. */
    @Override
    public void close() {
        Storage storage;
        try {
            storage = opened.join();
        } catch (RuntimeException | Error failedToOpen) {
            return; // nothing was opened
        }
        storage.close();
    }
}
