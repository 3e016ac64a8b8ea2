package dev.rivet.boards;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class BoardLoaderTest {
    private static final String GOOD = """
            name = "mini"
            images = ["bin"]
            [chip]
            name = "X1"
            core = "cortex-m0plus"
            [[memory]]
            name = "FLASH"
            kind = "flash"
            origin = 0x0
            length = "32K"
            [[memory]]
            name = "RAM"
            kind = "ram"
            origin = 0x20000000
            length = 4096
            [console]
            kind = "semihosting"
            [boot]
            kind = "cortex-m"
            vector_table = 0x0
            [flashing]
            method = "external"
            tool = "probe"
            """;

    private static String error(String text) {
        return assertThrows(BoardException.class, () -> BoardLoader.parse("mini.toml", text)).getMessage();
    }

    @Test
    void minimalBoardParsesWithDefaults() {
        Board b = BoardLoader.parse("mini.toml", GOOD);
        assertEquals(dev.rivet.ir.TargetTriple.THUMBV6M, b.target());
        assertEquals(32 * 1024, b.flashSize());
        assertEquals("rwx", b.region("RAM").orElseThrow().attributes());
    }

    @Test
    void unknownFieldNamesFileLineAndField() {
        String msg = error(GOOD.replace("kind = \"flash\"", "kind = \"flash\"\nsize = 3"));
        assertEquals("error: malformed board file mini.toml:9:1: field 'memory[0].size': unknown field 'size'",
                msg);
    }

    @Test
    void badCoreNamesTheField() {
        String msg = error(GOOD.replace("cortex-m0plus", "cortex-m9"));
        assertTrue(msg.startsWith("error: malformed board file mini.toml:5:"), msg);
        assertTrue(msg.contains("field 'chip.core'"), msg);
        assertTrue(msg.contains("unknown core 'cortex-m9'"), msg);
    }

    @Test
    void badSizeIsReported() {
        String msg = error(GOOD.replace("\"32K\"", "\"lots\""));
        assertTrue(msg.contains("mini.toml:10:"), msg);
        assertTrue(msg.contains("field 'memory[0].length'"), msg);
    }

    @Test
    void missingSectionIsReported() {
        String msg = error(GOOD.replace("[console]\nkind = \"semihosting\"\n", ""));
        assertTrue(msg.contains("[console] is required"), msg);
    }

    @Test
    void nameMustMatchFile() {
        String msg = error(GOOD.replace("name = \"mini\"", "name = \"maxi\""));
        assertEquals("error: malformed board file mini.toml: field 'name': is 'maxi' but the file is named mini.toml", msg);
    }

    @Test
    void entryOutsideFlashIsReported() {
        String msg = error(GOOD.replace("vector_table = 0x0", "vector_table = 0x20000000"));
        assertTrue(msg.contains("entry address 0x20000000 is not in a flash or ROM region"), msg);
    }

    @Test
    void bootKindMustMatchCore() {
        String msg = error(GOOD.replace("kind = \"cortex-m\"\nvector_table = 0x0",
                "kind = \"riscv\"\nreset_address = 0x0\ntrap = \"mtvec-direct\""));
        assertTrue(msg.contains("field 'boot.kind'"), msg);
    }

    @Test
    void tomlSyntaxErrorHasLine() {
        String msg = error(GOOD.replace("length = 4096", "length = = 4096"));
        assertTrue(msg.startsWith("error: malformed board file mini.toml:15:"), msg);
    }
}
