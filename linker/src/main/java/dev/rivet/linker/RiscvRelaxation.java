package dev.rivet.linker;

import static dev.rivet.linker.RelocationHandler.read16;
import static dev.rivet.linker.RelocationHandler.read32;
import static dev.rivet.linker.RelocationHandler.write16;
import static dev.rivet.linker.RelocationHandler.write32;
import static dev.rivet.linker.RiscvRelocations.*;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * RISC-V linker relaxation (psABI, "Linker Relaxation"): once addresses are known, code marked
 * R_RISCV_RELAX gets shorter. Each round works on one layout; the linker lays out again after
 * a round that changed anything, until none does. Code only shrinks, so it ends.
 *
 * <ul>
 * <li>{@code jal ra/x0, f} within 2 KiB becomes {@code c.jal}/{@code c.j} (objects with the C
 *     extension); {@code auipc+jalr} calls become {@code jal}, then perhaps {@code c.jal}.
 * <li>{@code lui rd, %hi(s)} goes when s fits a 12-bit immediate or lies within 2 KiB of
 *     {@code __global_pointer$}: the {@code %lo(s)} uses then take x0 or gp as their base.
 *     Otherwise, where {@code %hi(s)} fits 6 bits, it becomes {@code c.lui}.
 * <li>R_RISCV_ALIGN padding is cut, at the end, to what its place needs.
 * </ul>
 *
 * Distances are checked with slack: a section that the script aligns ({@code . = ALIGN(256)})
 * may move less than the code before it when that code shrinks, so a distance across its
 * start can grow by up to its alignment less one byte. gp-relative forms are not made in the
 * section holding the entry point, which runs before gp is set.
 */
final class RiscvRelaxation {
    static final int MAX_ROUNDS = 32;
    /** Slack for gp-relative distances: data can move a little either way as code shrinks. */
    private static final long GP_SLACK = 256;
    private static final int GP = 3;

    /** Resolves a symbol as seen from an object, to its address in the current layout (null: undefined). */
    interface Addresses {
        Long of(ObjectFile from, String symbol);
    }

    private final List<InputSection> code = new ArrayList<>();
    private final Addresses addresses;
    private final SymbolTable symbols;
    private final InputSection entry;
    private Long gp;

    RiscvRelaxation(List<InputSection> inputs, Addresses addresses, SymbolTable symbols, InputSection entry) {
        for (InputSection s : inputs)
            if (s.live && s.section.kind == Section.Kind.TEXT && s.data() != null) code.add(s);
        this.addresses = addresses;
        this.symbols = symbols;
        this.entry = entry;
    }

    /** One pass over every code section in the current layout; true if any code got shorter. */
    boolean round() {
        gp = addresses.of(null, "__global_pointer$");
        code.sort(Comparator.comparingLong(s -> s.address));
        boolean changed = false;
        for (InputSection s : code) changed |= relax(s);
        return changed;
    }

    private boolean relax(InputSection s) {
        boolean rvc = (s.object.flags & 1) != 0; // EF_RISCV_RVC
        boolean changed = false;
        for (int k = 0; k < s.relocs().size(); k++) {
            Reloc r = s.relocs().get(k);
            if (!marked(s, k) || r.symbol() == null) continue;
            Long target = addresses.of(s.object, r.symbol());
            if (target == null) continue; // weak and undefined: leave it
            long v = target + r.addend(), p = s.address + r.offset();
            int before = s.relocs().size();
            changed |= switch (r.type()) {
                case R_RISCV_JAL -> rvc && jalToCompressed(s, k, v - p, slack(p, v));
                case R_RISCV_CALL, R_RISCV_CALL_PLT -> callToJal(s, k, v - p, slack(p, v), rvc);
                case R_RISCV_HI20 -> lui(s, k, v, rvc);
                case R_RISCV_LO12_I, R_RISCV_LO12_S -> { low(s, k, v); yield false; }
                default -> false;
            };
            if (s.relocs().size() < before) k--; // this relocation went with its instruction: index k holds the next
        }
        return changed;
    }

    /** Whether relocation k has R_RISCV_RELAX at the same offset (psABI: right after it). */
    private static boolean marked(InputSection s, int k) {
        List<Reloc> rs = s.relocs();
        return k + 1 < rs.size() && rs.get(k + 1).type() == R_RISCV_RELAX && rs.get(k + 1).offset() == rs.get(k).offset();
    }

    // ---- calls ----

    private static boolean reachesCompressed(long off, long slack) { return off >= -2048 + slack && off <= 2046 - slack; }

    /** jal ra/x0 → c.jal/c.j: keeps the first two bytes. */
    private boolean jalToCompressed(InputSection s, int k, long off, long slack) {
        Reloc r = s.relocs().get(k);
        int rd = (int) (read32(s.data(), (int) r.offset()) >> 7 & 0x1F);
        if (rd != 0 && rd != 1 || !reachesCompressed(off, slack)) return false;
        write16(s.code(), (int) r.offset(), rd == 1 ? 0x2001 : 0xA001);
        s.setReloc(k, new Reloc(r.offset(), R_RISCV_RVC_JUMP, r.symbol(), r.addend()));
        delete(s, r.offset() + 2, 2);
        return true;
    }

    /** auipc t, %hi; jalr rd, %lo(t) → jal rd (or c.jal/c.j right away). */
    private boolean callToJal(InputSection s, int k, long off, long slack, boolean rvc) {
        Reloc r = s.relocs().get(k);
        int rd = (int) (read32(s.data(), (int) r.offset() + 4) >> 7 & 0x1F);
        if (rvc && (rd == 0 || rd == 1) && reachesCompressed(off, slack)) {
            write16(s.code(), (int) r.offset(), rd == 1 ? 0x2001 : 0xA001);
            s.setReloc(k, new Reloc(r.offset(), R_RISCV_RVC_JUMP, r.symbol(), r.addend()));
            delete(s, r.offset() + 2, 6);
            return true;
        }
        if (off < -(1L << 20) + slack || off > (1L << 20) - 2 - slack) return false;
        write32(s.code(), (int) r.offset(), 0x6F | rd << 7);
        s.setReloc(k, new Reloc(r.offset(), R_RISCV_JAL, r.symbol(), r.addend())); // RELAX stays: c.jal may come next round
        delete(s, r.offset() + 4, 4);
        return true;
    }

    // ---- addresses ----

    private static boolean fitsImm12(long v) {
        long x = v & 0xFFFF_FFFFL;
        return x < 0x800 || x >= 0xFFFF_F800L;
    }

    private boolean nearGp(InputSection s, long v) {
        return gp != null && s != entry && Math.abs(v - gp) <= 2047 - GP_SLACK;
    }

    /** lui rd, %hi(v): gone when the %lo uses can do without it, else c.lui where it fits. */
    private boolean lui(InputSection s, int k, long v, boolean rvc) {
        Reloc r = s.relocs().get(k);
        if ((fitsImm12(v) || nearGp(s, v)) && lowPartsRelax(s, r)) {
            delete(s, r.offset(), 4);
            return true;
        }
        int rd = (int) (read32(s.data(), (int) r.offset()) >> 7 & 0x1F);
        if (!rvc || rd == 0 || rd == 2 || !rvcLuiFits(hi20(v) >>> 12)) return false;
        write16(s.code(), (int) r.offset(), 0x6001 | rd << 7);
        s.setReloc(k, new Reloc(r.offset(), R_RISCV_RVC_LUI, r.symbol(), r.addend()));
        delete(s, r.offset() + 2, 2);
        return true;
    }

    /** Every %lo of the same symbol and addend in the section is marked relaxable (so it will not need the lui). */
    private static boolean lowPartsRelax(InputSection s, Reloc hi) {
        List<Reloc> rs = s.relocs();
        for (int k = 0; k < rs.size(); k++) {
            Reloc r = rs.get(k);
            boolean low = r.type() == R_RISCV_LO12_I || r.type() == R_RISCV_LO12_S;
            if (low && r.symbol().equals(hi.symbol()) && r.addend() == hi.addend() && !marked(s, k)) return false;
        }
        return true;
    }

    /** %lo(v)(rs1): from x0 when v fits 12 bits, from gp when near it (the same tests as {@link #lui}). */
    private void low(InputSection s, int k, long v) {
        Reloc r = s.relocs().get(k);
        int base = fitsImm12(v) ? 0 : nearGp(s, v) ? GP : -1;
        if (base < 0) return;
        int at = (int) r.offset();
        write32(s.code(), at, read32(s.data(), at) & ~(0x1FL << 15) | (long) base << 15);
        if (base == GP)
            s.setReloc(k, new Reloc(r.offset(), r.type() == R_RISCV_LO12_I ? R_RISCV_GPREL_I : R_RISCV_GPREL_S, r.symbol(), r.addend()));
    }

    // ---- alignment ----

    /** After the last round: each R_RISCV_ALIGN's padding (nops) is cut to what aligns the code after it. */
    void align() {
        for (InputSection s : code)
            for (int k = 0; k < s.relocs().size(); k++) {
                Reloc r = s.relocs().get(k);
                if (r.type() != R_RISCV_ALIGN) continue;
                long alignment = 1;
                while (alignment <= r.addend()) alignment *= 2;
                long at = s.address + r.offset();
                long keep = Math.floorMod(-at, alignment);
                if (keep > r.addend())
                    throw new LinkException(s + ": R_RISCV_ALIGN at offset " + r.offset() + " needs " + keep + " bytes of padding, has " + r.addend());
                s.setReloc(k, new Reloc(r.offset(), R_RISCV_ALIGN, null, keep));
                if (keep < r.addend()) delete(s, r.offset() + keep, (int) (r.addend() - keep));
            }
    }

    // ---- moving code ----

    private void delete(InputSection s, long at, int count) {
        s.delete(at, count, r -> {
            if (r.symbol() == null) return -1;
            SymbolTable.Def d = symbols.lookup(s.object, r.symbol());
            return d != null && d.section() == s ? s.offset(d.symbol().value()) : -1;
        });
    }

    /** Slack for a distance between two addresses: the largest script alignment of a section starting between them, less one. */
    private long slack(long a, long b) {
        long lo = Math.min(a, b), hi = Math.max(a, b), worst = 1;
        for (InputSection s : code)
            if (s.address > lo && s.address <= hi) worst = Math.max(worst, s.placementAlign);
        return Math.min(worst - 1, 1L << 21);
    }
}
