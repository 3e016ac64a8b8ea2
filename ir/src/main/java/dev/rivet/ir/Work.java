package dev.rivet.ir;

/**
 * A count of work units for the complexity tests: instructions and blocks visited through the
 * IR's lists, dominance queries, and what the back end's passes count in their inner loops.
 * Off (one untaken branch per hook) unless a test turns it on; a test counts one pass on one
 * thread, so a plain field is enough. Tests compare counts on generated inputs of growing size:
 * a linear pass does about twice the work on twice the input, whatever the machine's speed.
 */
public final class Work {
    private static boolean counting;
    private static long units;

    private Work() {}

    /** Adds {@code n} units when counting. */
    public static void add(long n) {
        if (counting) units += n;
    }

    /** Starts counting from zero. */
    public static void start() {
        units = 0;
        counting = true;
    }

    /** Stops counting; returns the units counted since {@link #start}. */
    public static long stop() {
        counting = false;
        return units;
    }
}
