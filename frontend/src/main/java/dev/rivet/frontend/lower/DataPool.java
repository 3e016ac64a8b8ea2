package dev.rivet.frontend.lower;

import dev.rivet.ir.Global;
import dev.rivet.ir.Module;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Read-only data the program needs besides its statics: string literal bytes, byte-string and
 * constant-array images, panic locations. Identical contents share one global.
 */
final class DataPool {
    private final Module module;
    private final Map<String, String> byContent = new HashMap<>();
    private int next;

    DataPool(Module module) {
        this.module = module;
    }

    /** The symbol of a read-only global holding {@code s}'s UTF-8 bytes. */
    String string(String s) {
        return bytes(s.getBytes(StandardCharsets.UTF_8), 1);
    }

    String bytes(byte[] data, int align) {
        String key = "b" + align + ":" + Arrays.toString(data);
        return byContent.computeIfAbsent(key, k -> {
            Global g = new Global(fresh("str"), align, false);
            if (data.length > 0) g.items.add(new Global.Item.Bytes(data));
            module.add(g);
            return g.name;
        });
    }

    /** A read-only global with arbitrary items (relocations included), shared when identical. */
    String items(List<Global.Item> items, int align, String prefix) {
        String key = prefix + align + ":" + items.stream().map(DataPool::key).toList();
        return byContent.computeIfAbsent(key, k -> {
            Global g = new Global(fresh(prefix), align, false);
            g.items.addAll(items);
            module.add(g);
            return g.name;
        });
    }

    /** A writable global of its own with {@code items} (the referent of a {@code &mut} in a static). */
    String writable(List<Global.Item> items, int align, String prefix) {
        Global g = new Global(fresh(prefix), align, true);
        g.items.addAll(items);
        module.add(g);
        return g.name;
    }

    private static String key(Global.Item i) {
        return switch (i) {
            case Global.Item.Bytes b -> "B" + Arrays.toString(b.bytes());
            case Global.Item.Int n -> n.type() + "=" + n.value();
            case Global.Item.SymRef r -> "@" + r.symbol() + "+" + r.offset();
            case Global.Item.Zero z -> "Z" + z.count();
        };
    }

    String fresh(String prefix) {
        String name;
        do {
            name = prefix + "." + next++;
        } while (module.hasSymbol(name));
        return name;
    }
}
