package dev.rivet.frontend.resolve;

import dev.rivet.frontend.SourceFile;
import dev.rivet.frontend.ast.Item;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A module: its items by name in the type and value namespaces, its glob imports, and where
 * its child modules' files live.
 */
public final class ModuleScope {
    public final String name;
    public final ModuleScope parent;
    public final Crate crate;
    /** The file the module's items were read from. */
    public final SourceFile file;
    /** Directory that {@code mod child;} looks in. */
    public final java.nio.file.Path dir;
    public final Map<String, Def> types = new HashMap<>();
    public final Map<String, Def> values = new HashMap<>();
    /** Glob imports, in order: modules and enums whose public names are visible here. */
    public final List<Def> globs = new ArrayList<>();
    public final List<Item> items = new ArrayList<>();

    public ModuleScope(String name, ModuleScope parent, Crate crate, SourceFile file, java.nio.file.Path dir) {
        this.name = name;
        this.parent = parent;
        this.crate = crate;
        this.file = file;
        this.dir = dir;
    }

    /** The path from the crate root, e.g. ["util", "bits"]; empty for the root. */
    public List<String> path() {
        List<String> p = parent == null ? new ArrayList<>() : parent.path();
        if (parent != null) p.add(name);
        return p;
    }

    public ModuleScope root() { return parent == null ? this : parent.root(); }

    /** "util.bits." for symbol names, "" at the crate root. */
    public String symbolPrefix() {
        StringBuilder sb = new StringBuilder(crate.symbolPrefix);
        for (String s : path()) sb.append(s).append('.');
        return sb.toString();
    }
}
