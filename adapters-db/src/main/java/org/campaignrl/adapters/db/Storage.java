package org.campaignrl.adapters.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.campaignrl.application.port.out.CampaignRepository;
import org.campaignrl.application.port.out.DatasetRepository;
import org.campaignrl.application.port.out.ModelRepository;
import org.campaignrl.application.port.out.RetrainingHistory;
import org.campaignrl.application.port.out.RunLog;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.TemplateEngine;

/**
 * The database behind the repositories: an embedded H2 file by default, or PostgreSQL, chosen by
 * the JDBC URL. Opening brings the schema up to date; closing releases every connection, which
 * leaves an H2 file complete and consistent. Safe to share between threads.
 */
public final class Storage implements AutoCloseable {
    /** File name (without H2's {@code .mv.db}) of the default database. */
    static final String DEFAULT_DATABASE_NAME = "campaign-rl";

    private final ConnectionSource connections;
    private final Jdbi jdbi;
    private final DatasetRepository datasets;
    private final ModelRepository models;
    private final RetrainingHistory retrainingHistory;
    private final RunLog runs;
    private final CampaignRepository campaigns;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Storage(ConnectionSource connections, Jdbi jdbi, boolean heldByOneProcess) {
        this.connections = connections;
        this.jdbi = jdbi;
        this.datasets = new JdbiDatasetRepository(jdbi);
        this.models = new JdbiModelRepository(jdbi);
        this.retrainingHistory = new JdbiRetrainingHistory(jdbi);
        this.runs = new JdbiRunLog(jdbi, heldByOneProcess);
        this.campaigns = new JdbiCampaignRepository(jdbi);
    }

    /**
     * Connects to {@code jdbc:h2:...} or {@code jdbc:postgresql:...} and applies the migrations
     * this program has and the database lacks.
     *
     * @throws IllegalArgumentException for any other kind of URL
     * @throws IllegalStateException    when the database cannot be reached or its schema is newer than this program
     */
    public static Storage open(String jdbcUrl) {
        SqlDialect dialect = SqlDialect.of(jdbcUrl);
        // A new H2 file starts as a copy of the empty database the build made, instead of from the first migration.
        H2Database.newFile(jdbcUrl).ifPresent(EmptyH2Database::copyIfNew);
        ConnectionSource connections = dialect.connect(jdbcUrl);
        try {
            // No Jdbi templating: the SQL here is plain, and "<" in it must stay a comparison.
            Jdbi jdbi = Jdbi.create(connections.dataSource()).setTemplateEngine(TemplateEngine.NOP);
            Migrations.apply(jdbi, dialect, connections.description());
            if (dialect == SqlDialect.H2) {
                H2Database.leaveClosingToUs();
            }
            return new Storage(connections, jdbi, JdbiRunLog.heldByOneProcess(dialect, jdbcUrl));
        } catch (JdbiException e) {
            connections.close();
            throw new IllegalStateException("cannot open " + connections.description() + ": " + rootMessage(e), e);
        } catch (RuntimeException e) {
            connections.close();
            throw e;
        }
    }

    /** The driver's own words (e.g. "Database may be already in use"), without the wrappers' class names. */
    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    /**
     * Whether opening {@code jdbcUrl} makes a new, empty database: an H2 file that does not exist yet. False when
     * that cannot be told without connecting (PostgreSQL, an H2 server).
     */
    public static boolean wouldCreate(String jdbcUrl) {
        return H2Database.newFile(jdbcUrl).filter(file -> !Files.exists(file)).isPresent();
    }

    /** The default embedded database: the file {@code campaign-rl.mv.db} in {@code dir}, created on first use. */
    public static String defaultH2Url(Path dir) {
        return H2Database.fileUrl(dir, DEFAULT_DATABASE_NAME);
    }

    public DatasetRepository datasets() {
        return datasets;
    }

    public ModelRepository models() {
        return models;
    }

    public RetrainingHistory retrainingHistory() {
        return retrainingHistory;
    }

    public RunLog runs() {
        return runs;
    }

    public CampaignRepository campaigns() {
        return campaigns;
    }

    /** Connections of the pool in use now; empty without a pool (PostgreSQL: a connection per unit of work). */
    public java.util.OptionalInt connectionsInUse() {
        return connections.inUse().get();
    }

    /** The most connections the pool opens; empty without a pool. */
    public java.util.OptionalInt maxConnections() {
        return connections.max();
    }

    /** Which database this is, for people: "H2 file /abs/campaign-rl.mv.db", "PostgreSQL host:5432/db"; no password. */
    public String describe() {
        return connections.description();
    }

    @Override
    public String toString() {
        return describe();
    }

    /** Releases the connections; a second call does nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            connections.close();
        }
    }

    /** For tests that look at the tables themselves. */
    Jdbi jdbi() {
        return jdbi;
    }
}
