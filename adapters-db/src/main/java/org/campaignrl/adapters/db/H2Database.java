package org.campaignrl.adapters.db;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.h2.jdbcx.JdbcConnectionPool;

/** Connecting to H2: a small pool from the driver itself, and a few settings a file database needs. */
final class H2Database {
    private static final String PREFIX = "jdbc:h2:";
    private static final String DEFAULT_USER = "sa";

    /**
     * Settings added to a file URL unless it sets them itself. LOCK_TIMEOUT: a write that meets
     * another one (the web app training while a CLI activates) waits 10 s rather than 1 s before
     * failing. WRITE_DELAY=0: a commit reaches the file at once, so a process killed right after a
     * save still has it (the default holds commits back up to 0.5 s); our writes are few and large.
     * REUSE_SPACE=FALSE: new data is appended,
     * never written into space freed before; with reuse, a process killed after its commits could lose
     * them (H2 2.3 reopened such a file at an older version: CrashRecoveryProcessTest found it). The file
     * grows while it is open, and is compacted when it is closed. AUTO_SERVER=TRUE (H2's mixed mode): the first
     * process to open the file holds it embedded and serves it to later ones over TCP, so that `serve` and a CLI
     * command in another terminal share the default database (issue 16); when the holder closes, another
     * process takes over. Its TCP port listens on the loopback address only (below) and admits only clients
     * that present the random key H2 writes into the {@code .lock.db} file beside the database. The mixed mode
     * requires H2's own closing at exit, which {@link #leaveClosingToUs} then takes back.
     */
    private static final Map<String, String> FILE_DEFAULTS =
            Map.of("LOCK_TIMEOUT", "10000", "WRITE_DELAY", "0", "REUSE_SPACE", "FALSE", "AUTO_SERVER", "TRUE");

    /** H2 reads it once, when its settings class loads: before any H2 class is used, unless the user chose. */
    private static final String BIND_ADDRESS = "h2.bindAddress";

    static {
        if (System.getProperty(BIND_ADDRESS) == null) {
            System.setProperty(BIND_ADDRESS, "127.0.0.1");
        }
    }

    private H2Database() {}

    /**
     * A pool of embedded connections. Disposing it closes the idle connections; the database itself
     * closes, written out completely, when the last connection does.
     */
    static ConnectionSource connect(String jdbcUrl) {
        JdbcConnectionPool pool = JdbcConnectionPool.create(
                withFileDefaults(jdbcUrl),
                setting(jdbcUrl, "USER").orElse(DEFAULT_USER),
                setting(jdbcUrl, "PASSWORD").orElse(""));
        return new ConnectionSource(
                pool,
                describe(jdbcUrl),
                pool::dispose,
                () -> OptionalInt.of(pool.getActiveConnections()),
                OptionalInt.of(pool.getMaxConnections()));
    }

    /**
     * Removes H2's shutdown hook, which closes every embedded database at exit. On SIGTERM it would close the
     * database while our own hook still records the abandoned run (the run would then be found "interrupted"
     * instead); we close it ourselves ({@link Storage#close}), and a process that ends without closing leaves
     * the file as a kill does, every commit in it. H2 offers no setting for this together with AUTO_SERVER
     * (it refuses DB_CLOSE_ON_EXIT=FALSE there), hence the reflection; should a later H2 rename its hook, H2
     * closes at exit as before and an abandoned run reads "interrupted" (CrashRecoveryProcessTest would say so).
     * Call it once a database is open: H2 adds its hook with the first one.
     */
    static void leaveClosingToUs() {
        try {
            java.lang.reflect.Field hook =
                    Class.forName("org.h2.engine.OnExitDatabaseCloser").getDeclaredField("INSTANCE");
            hook.setAccessible(true);
            Runtime.getRuntime().removeShutdownHook((Thread) hook.get(null));
        } catch (ReflectiveOperationException | RuntimeException e) {
            // an H2 without that hook, or a JVM already shutting down: H2 closes at exit itself
        }
    }

    /** The file database {@code name} in {@code dir}: H2 adds {@code .mv.db} and creates missing folders. */
    static String fileUrl(Path dir, String name) {
        return PREFIX + "file:" + dir.toAbsolutePath().normalize().resolve(name);
    }

    /** Whether the URL, with the defaults added, lets other processes in through the mixed mode. */
    static boolean sharedThroughAutoServer(String jdbcUrl) {
        return setting(withFileDefaults(jdbcUrl), "AUTO_SERVER")
                .map(value -> value.trim().equalsIgnoreCase("TRUE"))
                .orElse(false);
    }

    static String withFileDefaults(String jdbcUrl) {
        if (!isFile(jdbcUrl)) {
            return jdbcUrl;
        }
        StringBuilder url =
                new StringBuilder(jdbcUrl.endsWith(";") ? jdbcUrl.substring(0, jdbcUrl.length() - 1) : jdbcUrl);
        FILE_DEFAULTS.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .filter(setting -> setting(jdbcUrl, setting.getKey()).isEmpty())
                .forEach(setting ->
                        url.append(';').append(setting.getKey()).append('=').append(setting.getValue()));
        return url.toString();
    }

    /** "H2 file /abs/path/campaign-rl.mv.db", "H2 in-memory test", "H2 server tcp://host/~/db". */
    static String describe(String jdbcUrl) {
        String location = location(jdbcUrl);
        if (startsWith(location, "mem:")) {
            return "H2 in-memory " + location.substring("mem:".length());
        }
        if (!isFile(jdbcUrl)) {
            return "H2 server " + location;
        }
        return "H2 file " + file(location);
    }

    /**
     * The {@code .mv.db} file an H2 file URL names, when H2 may create it: not with IFEXISTS=TRUE, and not for
     * an implicitly relative path, which H2 refuses. Empty for any other URL.
     */
    static Optional<Path> newFile(String jdbcUrl) {
        if (!startsWith(jdbcUrl, PREFIX)
                || !isFile(jdbcUrl)
                || setting(jdbcUrl, "IFEXISTS")
                        .map(value -> value.trim().equalsIgnoreCase("TRUE"))
                        .orElse(false)) {
            return Optional.empty();
        }
        String location = location(jdbcUrl);
        String path = startsWith(location, "file:") ? location.substring("file:".length()) : location;
        boolean explicit =
                path.startsWith("~") || path.startsWith(".") || Path.of(path).isAbsolute();
        return explicit ? Optional.of(file(location)) : Optional.empty();
    }

    private static Path file(String location) {
        String path = startsWith(location, "file:") ? location.substring("file:".length()) : location;
        if (path.startsWith("~")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        return Path.of(path + ".mv.db").toAbsolutePath().normalize();
    }

    /** A file database: not in memory and not reached through an H2 server. */
    private static boolean isFile(String jdbcUrl) {
        String location = location(jdbcUrl);
        return !(startsWith(location, "mem:") || startsWith(location, "tcp:") || startsWith(location, "ssl:"));
    }

    /** What comes between "jdbc:h2:" and the first ";" setting. */
    private static String location(String jdbcUrl) {
        String rest = jdbcUrl.substring(PREFIX.length());
        int settings = rest.indexOf(';');
        return settings < 0 ? rest : rest.substring(0, settings);
    }

    /** The value of a ";KEY=value" setting of the URL; H2 setting names ignore case. */
    static Optional<String> setting(String jdbcUrl, String key) {
        String[] parts = jdbcUrl.split(";");
        for (int i = 1; i < parts.length; i++) {
            int equals = parts[i].indexOf('=');
            if (equals > 0 && parts[i].substring(0, equals).trim().equalsIgnoreCase(key)) {
                return Optional.of(parts[i].substring(equals + 1));
            }
        }
        return Optional.empty();
    }

    private static boolean startsWith(String text, String prefix) {
        return text.toLowerCase(Locale.ROOT).startsWith(prefix);
    }
}
