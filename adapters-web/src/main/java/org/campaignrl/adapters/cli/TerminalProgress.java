package org.campaignrl.adapters.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.campaignrl.application.port.ProgressListener;

/**
 * A progress bar redrawn in place on a terminal; on anything else (a pipe, a CI log) one line
 * per quarter, so logs stay short.
 */
final class TerminalProgress implements ProgressListener {
    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000;

    private final PrintStream out;
    private final boolean interactive;
    private String stage = "";
    private long lastDraw;
    private int lastQuarter = -1;

    TerminalProgress(PrintStream out, boolean interactive) {
        this.out = out;
        this.interactive = interactive;
    }

    static TerminalProgress onStderr() {
        return new TerminalProgress(System.err, System.console() != null);
    }

    @Override
    public void progress(String stage, long done, long total) {
        boolean newStage = !stage.equals(this.stage);
        if (newStage && interactive && !this.stage.isEmpty()) {
            out.println();
        }
        if (newStage) {
            this.stage = stage;
            lastQuarter = -1;
        }
        double fraction = total <= 0 ? 0 : Math.min(1.0, (double) done / total);
        if (interactive) {
            long now = System.nanoTime();
            if (newStage || done >= total || now - lastDraw > REDRAW_NANOS) {
                lastDraw = now;
                int filled = (int) Math.round(fraction * WIDTH);
                out.printf(
                        Locale.ROOT,
                        "\r%-28s [%s%s] %3.0f%%",
                        stage,
                        "#".repeat(filled),
                        " ".repeat(WIDTH - filled),
                        fraction * 100);
                if (done >= total) {
                    out.println();
                    this.stage = "";
                }
                out.flush();
            }
        } else {
            int quarter = (int) (fraction * 4);
            if (quarter > lastQuarter) {
                lastQuarter = quarter;
                out.printf(Locale.ROOT, "%s: %d%%%n", stage, quarter * 25);
            }
        }
    }
}
