package dev.rivet.linker;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The parts of RISC-V relaxation that the GNU ld comparison (LinkGoldenTest riscv_relax) cannot reach. */
class RelaxationPiecesTest {
    @Test
    void deletingBytesMovesWhatFollowsAndKeepsWhatPrecedes() {
        Section s = new Section(".text.f", Section.Kind.TEXT, 2, new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, 8);
        s.relocs.add(new Reloc(0, RiscvRelocations.R_RISCV_JAL, "g", 0));
        s.relocs.add(new Reloc(2, RiscvRelocations.R_RISCV_JAL, "inside", 0));
        s.relocs.add(new Reloc(6, RiscvRelocations.R_RISCV_BRANCH, "self", 6)); // the section's own symbol + 6
        s.lines.add(new Section.Line(0, "f.rs", 1, 1));
        s.lines.add(new Section.Line(3, "f.rs", 2, 1)); // starts inside the deleted bytes
        s.lines.add(new Section.Line(6, "f.rs", 3, 1));
        InputSection in = new InputSection(new ObjectFile("t", ObjectFile.Machine.RISCV), s);
        in.delete(2, 2, r -> r.symbol().equals("self") ? 0 : -1);

        assertArrayEquals(new byte[] {1, 2, 5, 6, 7, 8}, in.data());
        assertEquals(6, in.size());
        assertEquals(List.of(new Reloc(0, RiscvRelocations.R_RISCV_JAL, "g", 0), new Reloc(4, RiscvRelocations.R_RISCV_BRANCH, "self", 4)),
                in.relocs(), "the relocation in the deleted bytes goes; a later one and its same-section target move");
        assertEquals(List.of(0L, 2L, 4L), in.lines().stream().map(Section.Line::offset).toList());
        assertEquals(4, in.offset(6), "symbol values follow the bytes");
        assertEquals(2, in.offset(2));
        assertEquals(6, in.sizeOf(0, 8), "a symbol's size shrinks with the bytes deleted inside it");
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, s.data, "the object's own section is left as it was");
    }

    @Test
    void cLuiTakesSixBitUpperPartsAndBecomesCLiAtZero() {
        assertTrue(RiscvRelocations.rvcLuiFits(1));
        assertTrue(RiscvRelocations.rvcLuiFits(31));
        assertTrue(RiscvRelocations.rvcLuiFits(0xFFFFF));
        assertFalse(RiscvRelocations.rvcLuiFits(0), "c.lui cannot encode 0");
        assertFalse(RiscvRelocations.rvcLuiFits(32));
        int rd = 11;
        assertEquals(0x6001 | rd << 7 | 3 << 2, RiscvRelocations.rvcLui(0x6001 | rd << 7, 3), "c.lui a1, 3");
        assertEquals(0x6001 | 1 << 12 | rd << 7 | 0x1F << 2, RiscvRelocations.rvcLui(0x6001 | rd << 7, 0xFFFFF), "c.lui a1, -1");
        assertEquals(0x4001 | rd << 7, RiscvRelocations.rvcLui(0x6001 | rd << 7, 0), "c.li a1, 0 once the address fell below 0x800");
    }
}
