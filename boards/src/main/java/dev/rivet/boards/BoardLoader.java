package dev.rivet.boards;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.rivet.ir.TargetTriple;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads one board file (TOML) into a {@link Board}, turning every problem into a
 * {@link BoardException} whose message names the file, line, column and field.
 */
public final class BoardLoader {
    private static final ObjectMapper MAPPER = TomlMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_EXTERNAL_TYPE_ID_PROPERTY)
            .addModule(new Jdk8Module())
            .addModule(new SimpleModule().addDeserializer(TargetTriple.class, new TargetDeserializer()))
            .build();

    private BoardLoader() {}

    /**
     * Parses and checks a board file.
     *
     * @param fileName name used in messages; the board's {@code name} must equal it without ".toml"
     * @param text     the file's contents
     */
    public static Board parse(String fileName, String text) {
        Board board;
        try {
            board = MAPPER.readValue(text, Board.class);
        } catch (JsonProcessingException e) {
            throw new BoardException(describe(fileName, text, e));
        }
        check(fileName, board);
        return board;
    }

    private static String describe(String fileName, String text, JsonProcessingException e) {
        String field = e instanceof JsonMappingException m ? fieldPath(m.getPath()) : "";
        String where = fileName + position(text, field, e.getLocation());
        String message = e.getOriginalMessage();
        if (e instanceof UnrecognizedPropertyException u) message = "unknown field '" + u.getPropertyName() + "'";
        // Constructor checks arrive wrapped; their own message is the useful part.
        Throwable cause = e.getCause();
        if (cause instanceof IllegalArgumentException || cause instanceof NullPointerException)
            message = cause.getMessage();
        message = message.lines().findFirst().orElse(message)
                .replaceFirst("^Cannot deserialize value of type `[^`]*` from String (\"[^\"]*\"): (.*)$", "$2, not $1");
        return "error: malformed board file " + where + (field.isEmpty() ? "" : ": field '" + field + "'") + ": " + message;
    }

    /** Syntax errors carry a location; binding errors only a path, which the locator maps back to the text. */
    private static String position(String text, String field, JsonLocation loc) {
        if (loc != null && loc.getLineNr() > 0) return ":" + loc.getLineNr() + ":" + loc.getColumnNr();
        TomlLocator.Position p = field.isEmpty() ? null : new TomlLocator(text).find(field);
        return p == null ? "" : ":" + p.line() + ":" + p.column();
    }

    private static String fieldPath(List<JsonMappingException.Reference> path) {
        return path.stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    /** Cross-field rules that no single record can check. */
    private static void check(String fileName, Board b) {
        String expected = fileName.replaceAll(".*/", "").replaceFirst("\\.toml$", "");
        if (!b.name().equals(expected))
            fail(fileName, "name", "is '" + b.name() + "' but the file is named " + expected + ".toml");
        if (b.memory().stream().noneMatch(r -> r.kind() == MemoryRegion.Kind.FLASH))
            fail(fileName, "memory", "no region of kind flash");
        if (b.memory().stream().noneMatch(r -> r.kind() == MemoryRegion.Kind.RAM))
            fail(fileName, "memory", "no region of kind ram");
        for (MemoryRegion r : b.memory())
            r.viewOf().ifPresent(v -> {
                if (b.region(v).isEmpty()) fail(fileName, "memory.view_of", "region " + v + " does not exist");
            });
        if (b.console() instanceof Console.Uart u && b.peripherals().stream().noneMatch(p -> p.contains(u.base())))
            fail(fileName, "console.base", String.format("0x%08x is not inside any [[peripherals]] range", u.base()));
        long entry = b.boot().entryAddress();
        // A ROM that loads the image into RAM first (ESP32) may start it there; others run from flash.
        boolean loadedToRam = b.boot().image() == Boot.ImageRule.ESP32_IMAGE;
        if (b.regionAt(entry).filter(r -> loadedToRam || r.kind() != MemoryRegion.Kind.RAM).isEmpty())
            fail(fileName, "boot", String.format("entry address 0x%08x is not in a %s region", entry,
                    loadedToRam ? "memory" : "flash or ROM"));
        boolean arm = b.core().arch() == TargetTriple.Arch.ARM;
        if (arm != (b.boot() instanceof Boot.CortexM))
            fail(fileName, "boot.kind", "does not match the core " + b.core());
    }

    private static void fail(String fileName, String field, String message) {
        throw new BoardException("error: malformed board file " + fileName + ": field '" + field + "': " + message);
    }
}
