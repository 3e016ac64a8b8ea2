package dev.rivet.ir.pass;

import dev.rivet.ir.Module;

/** A transformation of a whole module, named for the pass list and --dump-after. */
public interface Pass {
    String name();

    void run(Module m);
}
