package dev.rivet.cli;

import dev.rivet.flasher.Progress;
import java.io.PrintWriter;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** How `rivet flash` shows its phases: a progress bar with bytes/s on a terminal, plain lines otherwise. */
final class FlashProgress {
    private FlashProgress() {}

    static Progress forStderr(PrintWriter err) {
        java.io.Console console = System.console();
        return console != null && console.isTerminal() ? new Bar(err) : new Lines(err);
    }

    /** Each phase on its own line, and the bytes done every tenth of the way with the rate so far. */
    static final class Lines implements Progress {
        private final PrintWriter err;
        private long started = System.nanoTime(), lastTenth = -1;

        Lines(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void phase(String name) {
            err.println("    " + name + "…");
            err.flush();
            lastTenth = -1;
            started = System.nanoTime();
        }

        @Override
        public void advance(long done, long total) {
            long tenth = total == 0 ? 10 : done * 10 / total;
            if (tenth == lastTenth) return;
            lastTenth = tenth;
            double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
            err.printf(Locale.ROOT, "      %d/%d bytes (%d%%), %.1f KiB/s%n", done, total, tenth * 10, done / 1024.0 / seconds);
            err.flush();
        }
    }

    /** A redrawn bar per long phase (me.tongfei:progressbar); phases without progress print as lines. */
    static final class Bar implements Progress {
        private final PrintWriter err;
        private String phase = "";
        private ProgressBar bar;

        Bar(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void phase(String name) {
            finishBar();
            phase = name;
            err.println("    " + name + "…");
            err.flush();
        }

        @Override
        public void advance(long done, long total) {
            if (bar == null)
                bar = new ProgressBarBuilder().setTaskName("    " + phase).setInitialMax(total).setUnit(" KiB", 1024).showSpeed()
                        .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
            bar.stepTo(done);
            if (done >= total) finishBar();
        }

        private void finishBar() {
            if (bar != null) bar.close();
            bar = null;
        }
    }
}
