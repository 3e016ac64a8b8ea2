package dev.rivet.codegen.riscv;

import static dev.rivet.codegen.riscv.RvEncoder.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.rivet.codegen.Objdump;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every instruction form the RV32 encoder emits, compressed and not, with the text GNU objdump
 * must print for its bytes. {@code -M no-aliases} makes objdump name the exact form (c.addi, not
 * addi), so a 32-bit encoding where a compressed one was meant also fails.
 */
class RvEncoderTest {
    private record Case(int encoding, boolean compressed, String text) {}

    private final List<Case> cases = new ArrayList<>();
    private int at;

    private void c(int parcel, String text) {
        cases.add(new Case(parcel, true, text));
        at += 2;
    }

    private void w(int insn, String text) {
        cases.add(new Case(insn, false, text));
        at += 4;
    }

    private String target(int off) { return String.format("0x%x", at + off); }

    private void table() {
        String[] alu = {"add", "sub", "sll", "slt", "sltu", "xor", "srl", "sra", "or", "and", "mul", "mulh", "mulhsu", "mulhu", "div",
            "divu", "rem", "remu"};
        for (Alu op : Alu.values()) w(r(op, 10, 11, 12), alu[op.ordinal()] + " a0,a1,a2");
        w(i(AluImm.ADDI, 5, 6, -2048), "addi t0,t1,-2048");
        w(i(AluImm.ADDI, 5, 6, 2047), "addi t0,t1,2047");
        w(i(AluImm.SLTI, 8, 9, -1), "slti s0,s1,-1");
        w(i(AluImm.SLTIU, 8, 9, 1), "sltiu s0,s1,1");
        w(i(AluImm.XORI, 18, 19, -1), "xori s2,s3,-1");
        w(i(AluImm.XORI, 18, 19, 1), "xori s2,s3,1");
        w(i(AluImm.ORI, 20, 21, 0x7F), "ori s4,s5,127");
        w(i(AluImm.ANDI, 22, 23, 0xFF), "andi s6,s7,255");
        w(i(AluImm.ANDI, 22, 23, 0x7F), "andi s6,s7,127");
        w(i(AluImm.SLLI, 24, 25, 31), "slli s8,s9,0x1f");
        w(i(AluImm.SRLI, 26, 27, 1), "srli s10,s11,0x1");
        w(i(AluImm.SRAI, 28, 29, 24), "srai t3,t4,0x18");
        w(load(1, true, 10, 2, 12), "lbu a0,12(sp)");
        w(load(2, true, 10, 11, -2), "lhu a0,-2(a1)");
        w(load(4, true, 10, 11, 2047), "lw a0,2047(a1)");
        w(load(1, false, 10, 11, 0), "lb a0,0(a1)");
        w(load(2, false, 10, 11, 0), "lh a0,0(a1)");
        w(store(1, 10, 11, -2048), "sb a0,-2048(a1)");
        w(store(2, 10, 11, 6), "sh a0,6(a1)");
        w(store(4, 31, 2, 100), "sw t6,100(sp)");
        w(lui(10, 0x12345), "lui a0,0x12345");
        w(lui(10, 0xFFFFF), "lui a0,0xfffff");
        w(auipc(5, 1), "auipc t0,0x1");
        w(jal(1, 0x800), "jal ra," + target(0x800));
        w(jal(0, -4), "jal zero," + target(-4));
        w(jal(1, 0xFFFFE), "jal ra," + target(0xFFFFE));
        w(jalr(1, 10, 0), "jalr ra,0(a0)");
        w(jalr(0, 1, 0), "jalr zero,0(ra)");
        w(jalr(1, 5, -4), "jalr ra,-4(t0)");
        w(branch(BranchOp.BEQ, 10, 11, 8), "beq a0,a1," + target(8));
        w(branch(BranchOp.BNE, 10, 0, -16), "bne a0,zero," + target(-16));
        w(branch(BranchOp.BLT, 12, 13, 4094), "blt a2,a3," + target(4094));
        w(branch(BranchOp.BGE, 12, 13, -4096), "bge a2,a3," + target(-4096));
        w(branch(BranchOp.BLTU, 12, 13, 100), "bltu a2,a3," + target(100));
        w(branch(BranchOp.BGEU, 12, 13, 2), "bgeu a2,a3," + target(2));
        w(ebreak(), "ebreak");
        w(unimp(), "unimp");
        w(0x01f01013, "slli zero,zero,0x1f");
        w(0x40705013, "srai zero,zero,0x7");
        // compressed
        c(cAddi4spn(8, 4), "c.addi4spn s0,sp,4");
        c(cAddi4spn(15, 1020), "c.addi4spn a5,sp,1020");
        c(cLw(9, 10, 124), "c.lw s1,124(a0)");
        c(cLw(9, 10, 0), "c.lw s1,0(a0)");
        c(cSw(11, 12, 64), "c.sw a1,64(a2)");
        c(cAddi(10, -32), "c.addi a0,-32");
        c(cAddi(5, 31), "c.addi t0,31");
        c(cAddi(2, -16), "c.addi sp,-16");
        c(cJal(0x7FE), "c.jal " + target(0x7FE));
        c(cLi(10, -1), "c.li a0,-1");
        c(cLi(31, 31), "c.li t6,31");
        c(cAddi16sp(-512), "c.addi16sp sp,-512");
        c(cAddi16sp(496), "c.addi16sp sp,496");
        c(cAddi16sp(16), "c.addi16sp sp,16");
        c(cLui(10, 1), "c.lui a0,0x1");
        c(cLui(10, -1), "c.lui a0,0xfffff");
        c(cLui(6, 31), "c.lui t1,0x1f");
        c(cSrli(8, 31), "c.srli s0,0x1f");
        c(cSrai(9, 1), "c.srai s1,0x1");
        c(cAndi(15, -1), "c.andi a5,-1");
        c(cArith(0, 8, 9), "c.sub s0,s1");
        c(cArith(1, 8, 9), "c.xor s0,s1");
        c(cArith(2, 8, 9), "c.or s0,s1");
        c(cArith(3, 8, 9), "c.and s0,s1");
        c(cJ(-2048), "c.j " + target(-2048));
        c(cJ(2046), "c.j " + target(2046));
        c(cBeqz(10, -256), "c.beqz a0," + target(-256));
        c(cBnez(15, 254), "c.bnez a5," + target(254));
        c(cSlli(20, 5), "c.slli s4,0x5");
        c(cLwsp(1, 252), "c.lwsp ra,252(sp)");
        c(cLwsp(10, 0), "c.lwsp a0,0(sp)");
        c(cJr(1), "c.jr ra");
        c(cJr(10), "c.jr a0");
        c(cMv(10, 2), "c.mv a0,sp");
        c(cMv(2, 11), "c.mv sp,a1");
        c(cEbreak(), "c.ebreak");
        c(cJalr(5), "c.jalr t0");
        c(cAdd(10, 11), "c.add a0,a1");
        c(cSwsp(1, 252), "c.swsp ra,252(sp)");
        c(cSwsp(8, 4), "c.swsp s0,4(sp)");
        c(cUnimp(), "c.unimp");
        w(unimp(), "unimp"); // last, so objdump does not fold trailing zero bytes into "..."
    }

    @Test
    void objdumpAgreesWithEveryForm() throws Exception {
        table();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (Case c : cases) {
            bytes.write(c.encoding());
            bytes.write(c.encoding() >>> 8);
            if (!c.compressed()) {
                bytes.write(c.encoding() >>> 16);
                bytes.write(c.encoding() >>> 24);
            }
        }
        List<Objdump.Line> lines = Objdump.disassemble("riscv64-unknown-elf-objdump", '#', bytes.toByteArray(), "-mriscv:rv32",
                "-Mno-aliases");
        assertEquals(cases.size(), lines.size(), () -> "one line per instruction:\n" + lines);
        List<String> wrong = new ArrayList<>();
        for (int k = 0; k < cases.size(); k++)
            if (!cases.get(k).text().equals(lines.get(k).text()))
                wrong.add(String.format("%04x %s: expected \"%s\", objdump says \"%s\"", lines.get(k).offset(), lines.get(k).encoding(),
                        cases.get(k).text(), lines.get(k).text()));
        assertTrue(wrong.isEmpty(), () -> String.join("\n", wrong));
    }
}
