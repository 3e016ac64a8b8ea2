package dev.rivet.boards;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import java.io.IOException;
import java.util.Locale;

/** Reads a byte count written either as an integer or as {@code "64K"} / {@code "2M"}. */
final class SizeDeserializer extends JsonDeserializer<Long> {
    @Override
    public Long deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) return p.getLongValue();
        if (p.currentToken() != JsonToken.VALUE_STRING)
            return (Long) ctxt.handleUnexpectedToken(Long.class, p);
        String text = p.getText().trim().toUpperCase(Locale.ROOT);
        long scale = 1;
        if (text.endsWith("K")) scale = 1024;
        else if (text.endsWith("M")) scale = 1024 * 1024;
        String digits = scale == 1 ? text : text.substring(0, text.length() - 1);
        try {
            return Long.decode(digits) * scale;
        } catch (NumberFormatException e) {
            return (Long) ctxt.handleWeirdStringValue(Long.class, p.getText(),
                    "expected a size such as 65536, \"64K\" or \"1M\"");
        }
    }
}
