package dev.rivet.frontend.parse;

import dev.rivet.frontend.ast.Item;
import java.util.List;

/** Placeholder: derive expansion. */
final class Derives {
    private Derives() {}

    static void expand(Parser p, Item item, List<Item> into) { }
}
