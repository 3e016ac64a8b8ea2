package dev.rivet.boards;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import dev.rivet.ir.TargetTriple;
import java.io.IOException;

/** Reads a target by its triple ({@code thumbv7m-none-eabi}). */
final class TargetDeserializer extends JsonDeserializer<TargetTriple> {
    @Override
    public TargetTriple deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        String triple = p.getValueAsString();
        TargetTriple t = triple == null ? null : TargetTriple.byTriple(triple).orElse(null);
        if (t == null)
            return (TargetTriple) ctxt.handleWeirdStringValue(TargetTriple.class, String.valueOf(triple),
                    "unknown target (known: " + String.join(", ", TargetTriple.triples()) + ")");
        return t;
    }
}
