package dev.rivet.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Maps independent work over the machine's cores, with results in input order, so the output
 * is what a loop would give. A failure is the one the loop would have met first: results are
 * collected in order, and the first that failed rethrows its exception.
 * {@code -Drivet.threads=N} sets the number of threads (1: no extra threads at all).
 */
public final class Parallel {
    private static final int THREADS = Integer.getInteger("rivet.threads", Runtime.getRuntime().availableProcessors());

    private Parallel() {}

    public static <T, R> List<R> map(List<T> items, Function<T, R> work) {
        if (THREADS <= 1 || items.size() <= 1) return items.stream().map(work).toList();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(THREADS, items.size()), r -> {
            Thread t = new Thread(r, "rivet-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (T item : items) futures.add(pool.submit(() -> work.apply(item)));
            List<R> out = new ArrayList<>(items.size());
            for (Future<R> f : futures) out.add(join(f));
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static <R> R join(Future<R> f) {
        try {
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
