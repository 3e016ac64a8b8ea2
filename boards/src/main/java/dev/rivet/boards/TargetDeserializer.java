package dev.rivet.boards;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import dev.rivet.ir.Target;
import java.io.IOException;

/** Reads a target by its triple ({@code thumbv7m-none-eabi}). */
final class TargetDeserializer extends JsonDeserializer<Target> {
    @Override
    public Target deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        String triple = p.getValueAsString();
        Target t = triple == null ? null : Target.byTriple(triple).orElse(null);
        if (t == null)
            return (Target) ctxt.handleWeirdStringValue(Target.class, String.valueOf(triple),
                    "unknown target (known: " + String.join(", ", Target.triples()) + ")");
        return t;
    }
}
