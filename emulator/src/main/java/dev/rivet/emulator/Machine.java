package dev.rivet.emulator;

import dev.rivet.boards.Board;
import dev.rivet.boards.Boot;
import dev.rivet.boards.MemoryRegion;
import dev.rivet.emulator.unicorn.MemoryAccess;
import dev.rivet.emulator.unicorn.UcError;
import dev.rivet.emulator.unicorn.Unicorn;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * An emulated board: its memory map, its peripherals as register stubs, its console, and a core
 * that resets the way the real one does. Load image bytes, {@link #reset()}, then {@link #run}.
 *
 * <p>Every executed instruction passes through a code hook. That costs speed but gives exact
 * instruction counts, an exact instruction budget, and the precise address of a faulting
 * instruction, which Unicorn itself does not report for memory faults inside a block.
 */
public final class Machine implements AutoCloseable {
    /** uc_emu_start's "until": an odd address, which no instruction ever has. */
    private static final long NEVER = 0xFFFF_FFFFL;
    private static final int RECENT = 16;

    private final Board board;
    private final Cpu cpu;
    private final Unicorn uc;
    private final MemoryMap memory;
    private final PeripheralBus bus;
    private final Semihosting semihosting;

    private final long[] recent = new long[RECENT];
    private long executed;
    private long limit;
    private long pc;

    // What ended the current uc_emu_start; set by hooks.
    private boolean budgetHit;
    private boolean semihostPending;
    private Integer exitStatus;
    private Fault fault;
    private MemoryAccess faultAccess;
    private long faultAddress;
    private Unwinder.Table unwindRows = pc -> null;
    // Parking: a branch to itself executed over and over (`loop {}`), which nothing in the
    // emulated machine can end, since it raises no interrupts.
    private static final int PARK_REPEATS = 3;
    private long lastAddress = -1;
    private int repeats;
    private long parkedAt = -1;
    private long panicEntry = -1, panicAlias = -1;
    private boolean panicking;

    /**
     * @param stdout receives the console UART's bytes and semihosting output to stdout
     * @param stderr receives semihosting output to stderr
     */
    public Machine(Board board, OutputStream stdout, OutputStream stderr) {
        this.board = board;
        this.cpu = Cpu.of(board.core());
        this.uc = cpu.open();
        try {
            this.memory = new MemoryMap(board, uc);
            this.bus = new PeripheralBus(board, stdout);
            MemoryMap.mapPeripherals(board, uc, bus);
            this.semihosting = new Semihosting(stdout, stderr);
            installHooks();
        } catch (RuntimeException e) {
            uc.close();
            throw e;
        }
    }

    public Board board() { return board; }

    /** Observes every peripheral register access. */
    public void traceMmio(MmioListener listener) { bus.setListener(listener); }

    /** Copies bytes into flash or RAM (as a programmer would: protections do not apply). */
    public void load(long address, byte[] bytes) { memory.load(address, bytes); }

    public byte[] peek(long address, int length) { return memory.peek(address, length); }

    public long register(int regid) { return uc.reg(regid); }

    /** The program's unwind rows, so that fault reports carry a backtrace. */
    public void unwindWith(Unwinder.Table rows) { this.unwindRows = rows; }

    /** Instructions executed since the machine was created. */
    public long instructions() { return executed; }

    /**
     * Resets the core: Cortex-M loads SP and PC from the vector table the board boots from;
     * RISC-V starts at the board's reset address.
     *
     * @throws IllegalStateException if the vector table's reset entry is not a Thumb address
     */
    public void reset() {
        switch (board.boot()) {
            case Boot.CortexM m -> {
                long sp = uc.readWord(m.vectorTable());
                long entry = uc.readWord(m.vectorTable() + 4);
                if ((entry & 1) == 0)
                    throw new IllegalStateException(String.format(
                            "reset vector 0x%08x at 0x%08x lacks the Thumb bit: the core would lock up",
                            entry, m.vectorTable() + 4));
                uc.setReg(cpu.spRegister(), sp);
                pc = entry & ~1L;
            }
            case Boot.Riscv r -> pc = r.resetAddress();
        }
    }

    /** Starts at {@code entry} instead (images whose loader supplies the entry, such as ESP32's). */
    public void resetTo(long entry) {
        reset();
        pc = entry & ~1L;
    }

    /**
     * The address of the runtime's panic entry: when the program parks in an endless loop after
     * running it (as a {@code #[panic_handler]} does), the run counts as a panic.
     */
    public void panicEntry(long address) {
        panicEntry = address & ~1L;
        for (dev.rivet.boards.MemoryRegion r : board.memory()) // a core running from an alias (ch32v003 runs flash at 0)
            if (r.contains(panicEntry) && !r.aliases().isEmpty()) panicAlias = r.aliases().getFirst() + (panicEntry - r.origin());
    }

    /** Runs until the program exits, faults, parks in an endless loop, or executes {@code budget} more instructions. */
    public RunResult run(long budget) {
        long start = executed;
        limit = budget <= 0 ? Long.MAX_VALUE : executed + budget;
        while (true) {
            budgetHit = semihostPending = false;
            exitStatus = null;
            fault = null;
            faultAccess = null;
            parkedAt = -1;
            UcError err = uc.start(cpu.startAddress(pc), NEVER, 0);
            pc = uc.reg(cpu.pcRegister()) & ~1L;
            long ran = executed - start;
            if (exitStatus != null) return new RunResult.Exited(exitStatus, ran);
            if (fault != null) return new RunResult.Faulted(fault, ran);
            if (parkedAt >= 0) return new RunResult.Parked(parkedAt, panicking, ran);
            if (budgetHit) return faulted(FaultKind.BUDGET_EXHAUSTED, currentPc(), OptionalLong.empty(),
                    "after " + ran + " instructions; raise it with --max-insns", ran);
            if (semihostPending) {
                long at = currentPc();
                if (handleSemihosting(at)) pc = cpu.afterSemihosting(at);
                if (exitStatus != null) return new RunResult.Exited(exitStatus, executed - start);
                if (fault != null) return new RunResult.Faulted(fault, executed - start);
                continue;
            }
            if (faultAccess != null) return memoryFault(ran);
            return faulted(FaultKind.CPU_EXCEPTION, currentPc(), OptionalLong.empty(),
                    err == UcError.OK ? "emulation stopped unexpectedly" : Unicorn.describe(err), ran);
        }
    }

    // ---- hooks ----

    private void installHooks() {
        uc.onCode(1, 0, this::onInstruction);
        uc.onInterrupt(this::onInterrupt);
        uc.onInvalidInstruction(this::onInvalidInstruction);
        uc.onMemoryFault(this::onMemoryFault);
        for (MemoryMap.Guard g : memory.guards())
            uc.onMemory(true, true, g.begin(), g.end() - 1, (access, address, size, value) -> {
                if (faultAccess == null) {
                    faultAccess = access;
                    faultAddress = address;
                }
                uc.stop();
            });
    }

    private void onInstruction(long address, int size) {
        if (executed >= limit) {
            budgetHit = true;
            uc.stop();
            return;
        }
        recent[(int) (executed % RECENT)] = address;
        executed++;
        if (address == panicEntry || address == panicAlias) panicking = true;
        if (address != lastAddress) {
            lastAddress = address;
            repeats = 0;
        } else if (++repeats >= PARK_REPEATS && cpu.isBranchToSelf(memory.peek(address, 4))) {
            // (a repeated address alone is not enough: returns from recursion repeat `pop {.., pc}`)
            parkedAt = address;
            uc.stop();
        }
    }

    private void onInterrupt(int intno) {
        long at = currentPc();
        switch (cpu.interrupt(uc, intno, at)) {
            case Cpu.Trap.Semihost s -> {
                if (handleSemihosting(at)) uc.setReg(cpu.pcRegister(), cpu.startAddress(cpu.afterSemihosting(at)));
                if (exitStatus != null || fault != null) uc.stop();
            }
            case Cpu.Trap.Fail f -> {
                fault = fault(f.kind(), at, OptionalLong.empty(), f.detail());
                uc.stop();
            }
        }
    }

    private boolean onInvalidInstruction() {
        long at = currentPc();
        switch (cpu.invalidInstruction(uc, at)) {
            case Cpu.Trap.Semihost s -> {
                semihostPending = true;
                uc.stop();
                return true;
            }
            case Cpu.Trap.Fail f -> {
                fault = fault(f.kind(), at, OptionalLong.empty(), f.detail());
                return false;
            }
        }
    }

    private boolean onMemoryFault(MemoryAccess access, long address, int size, long value) {
        if (faultAccess == null) {
            faultAccess = access;
            faultAddress = address;
        }
        return false;
    }

    /** Performs the call in the op/param registers; returns true if execution continues. */
    private boolean handleSemihosting(long at) {
        int op = (int) uc.reg(cpu.semihostingOpRegister());
        long param = uc.reg(cpu.semihostingParamRegister());
        switch (semihosting.call(uc, op, param, executed)) {
            case Semihosting.Outcome.Return r -> {
                uc.setReg(cpu.semihostingOpRegister(), r.value());
                return true;
            }
            case Semihosting.Outcome.Exit e -> exitStatus = e.status();
            case Semihosting.Outcome.Unsupported u -> fault = fault(FaultKind.SEMIHOSTING, at, OptionalLong.empty(), u.why());
        }
        return false;
    }

    // ---- fault reports ----

    private long currentPc() {
        return executed == 0 ? pc : recent[(int) ((executed - 1) % RECENT)];
    }

    private RunResult memoryFault(long ran) {
        MemoryAccess a = faultAccess;
        MemoryRegion region = board.regionAt(faultAddress).orElse(null);
        MemoryMap.Guard guard = memory.guards().stream()
                .filter(g -> faultAddress >= g.begin() && faultAddress < g.end()).findFirst().orElse(null);
        if (guard != null)
            return faulted(a.isFetch() ? FaultKind.BAD_FETCH : FaultKind.BAD_ACCESS, a.isFetch() ? faultAddress : currentPc(),
                    OptionalLong.of(faultAddress), (a.isFetch() ? "fetch" : a.isWrite() ? "write" : "read")
                            + " past the end of " + guard.region().name(), ran);
        String where = region == null ? "unmapped address" : region.name();
        if (a.isFetch())
            return faulted(FaultKind.BAD_FETCH, faultAddress, OptionalLong.of(faultAddress),
                    "jumped to " + where + " from the instruction before", ran);
        String what = a.isWrite() ? "write" : "read";
        String detail = region == null ? what + " of unmapped address"
                : a.isWrite() && !a.isUnmapped() ? "write to read-only " + where
                : what + " past the end of " + where;
        return faulted(FaultKind.BAD_ACCESS, currentPc(), OptionalLong.of(faultAddress), detail, ran);
    }

    private RunResult faulted(FaultKind kind, long at, OptionalLong address, String detail, long ran) {
        return new RunResult.Faulted(fault(kind, at, address, detail), ran);
    }

    private Fault fault(FaultKind kind, long at, OptionalLong address, String detail) {
        List<Long> pcs = new ArrayList<>();
        for (long i = Math.max(0, executed - RECENT); i < executed; i++) pcs.add(recent[(int) (i % RECENT)]);
        List<Long> callers = Unwinder.walk(unwindRows, at, uc.reg(cpu.spRegister()), uc.reg(cpu.linkRegister()), a -> {
            byte[] w = memory.peek(a, 4);
            return (w[0] & 0xFFL) | (w[1] & 0xFFL) << 8 | (w[2] & 0xFFL) << 16 | (w[3] & 0xFFL) << 24;
        });
        return new Fault(kind, at, address, detail, pcs, cpu.registers(uc), callers);
    }

    @Override
    public void close() { uc.close(); }
}
