package dev.rivet.boards;

import static org.junit.jupiter.api.Assertions.*;

import dev.rivet.ir.TargetTriple;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class BoardRegistryTest {
    private final BoardRegistry registry = BoardRegistry.builtin();

    @Test
    void everyBuiltinBoardLoads() {
        List<String> names = registry.all().stream().map(Board::name).toList();
        assertEquals(List.of("blackpill-f411", "bluepill", "ch32v003-evt", "esp32c3-devkitm", "hifive1-revb",
                "lm3s6965evb", "longan-nano", "microbit-v2", "nrf52840-dk", "pico"), names);
    }

    @Test
    void boardsCoverTheSixTargetTriples() {
        Set<TargetTriple> targets = registry.all().stream().map(Board::target).collect(Collectors.toSet());
        assertEquals(EnumSet.complementOf(EnumSet.of(TargetTriple.RISCV32I)), EnumSet.copyOf(targets));
    }

    @Test
    void indexListsEveryBoardFile() throws IOException {
        Path dir = Path.of("src/main/resources/dev/rivet/boards");
        Set<String> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".toml")).collect(Collectors.toSet());
        }
        Set<String> indexed = registry.all().stream().map(b -> b.name() + ".toml").collect(Collectors.toSet());
        assertEquals(files, indexed);
    }

    @Test
    void bluepillFacts() {
        Board b = registry.get("bluepill");
        assertEquals(Core.CORTEX_M3, b.core());
        assertEquals(64 * 1024, b.flashSize());
        assertEquals(20 * 1024, b.ramSize());
        assertEquals(0x08000000L, b.region("FLASH").orElseThrow().origin());
        assertEquals(List.of(0L), b.region("FLASH").orElseThrow().aliases());
        Console.Uart uart = assertInstanceOf(Console.Uart.class, b.console());
        assertEquals(0x40013804L, uart.txDataAddress());
        assertTrue(uart.txReady().holds(0x80));
        assertFalse(uart.txReady().holds(0x00));
        assertEquals(13, b.led().orElseThrow().pin());
        Flashing.Stm32Usart f = assertInstanceOf(Flashing.Stm32Usart.class, b.flashing());
        assertEquals(0x410, f.productId());
        assertEquals(List.of(ImageFormat.BIN, ImageFormat.HEX), b.images());
    }

    @Test
    void initStepsDistinguishWritesAndWaits() {
        Console.Uart uart = (Console.Uart) registry.get("pico").console();
        InitStep.Write first = assertInstanceOf(InitStep.Write.class, uart.init().get(0));
        assertEquals(0x4002400CL, first.address());
        assertTrue(first.mask().isEmpty());
        InitStep.Wait wait = assertInstanceOf(InitStep.Wait.class, uart.init().get(2));
        assertEquals(0x40024004L, wait.address());
        assertEquals(0x80000000L, wait.mask());
    }

    @Test
    void viewsDoNotCountTowardsCapacity() {
        Board esp = registry.get("esp32c3-devkitm");
        assertEquals(4 << 20, esp.flashSize());
        assertEquals(0x5E700, esp.ramSize());
        assertTrue(esp.led().isEmpty());
        assertEquals(Boot.ImageRule.ESP32_IMAGE, esp.boot().image());
    }

    @Test
    void unknownBoardSuggestsClosestNames() {
        BoardException e = assertThrows(BoardException.class, () -> registry.get("blupill"));
        assertTrue(e.getMessage().startsWith("error: unknown board 'blupill'"), e.getMessage());
        assertTrue(e.getMessage().contains("did you mean bluepill"), e.getMessage());
    }

    @Test
    void virtMachinesExistForEveryTarget() {
        for (TargetTriple t : TargetTriple.values()) {
            Board b = registry.get("virt-" + t.triple());
            assertEquals(t, b.target());
            assertEquals(1 << 20, b.flashSize());
            assertEquals(256 << 10, b.ramSize());
            assertInstanceOf(Console.Semihosting.class, b.console());
            assertTrue(b.isVirtual());
        }
        assertTrue(registry.find("virt-x86").isEmpty());
    }
}
