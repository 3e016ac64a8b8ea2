package dev.rivet.ir.interp;

import dev.rivet.ir.Block;
import dev.rivet.ir.Fold;
import dev.rivet.ir.Function;
import dev.rivet.ir.Global;
import dev.rivet.ir.Inst;
import dev.rivet.ir.Module;
import dev.rivet.ir.Op;
import dev.rivet.ir.Param;
import dev.rivet.ir.Slot;
import dev.rivet.ir.Target;
import dev.rivet.ir.Type;
import dev.rivet.ir.Value;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Runs a whole IR module with 32-bit pointers, as the reference the back ends are tested
 * against. Globals are laid out at the bottom of memory, the stack at the top; functions get
 * addresses of their own so that function pointers work. The only contact with the outside is
 * the {@code semihost} instruction, served like the emulator serves semihosting, so the
 * runtime's console and exit code run unchanged.
 */
public final class Interpreter {
    /**
     * How the run ended: the exit status, the number of IR instructions executed, and {@code parkedIn}, the function that parked in an
     * endless empty loop (such as {@code loop {}}), or null. A parked run's status is 0, or 101
     * when the runtime's panic entry ran before (a {@code #[panic_handler]} that loops).
     */
    public record Result(int status, long steps, String parkedIn) {
        public Result(int status, long steps) { this(status, steps, null); }
    }

    /** The runtime function every panic calls first. */
    private static final String PANIC_ENTRY = "__rivet_panic_begin";
    private boolean panicking;

    /** Thrown when the program jumps to an empty block that jumps to itself: nothing can ever change again. */
    private static final class Parked extends RuntimeException {
        final String function;

        Parked(String function) {
            super(null, null, false, false);
            this.function = function;
        }
    }

    private static final long FUNCTION_BASE = 0xF000_0000L;
    private static final int MEMORY = 8 << 20;
    private static final int STACK = 1 << 20;

    private final Module module;
    private final Memory memory = new Memory(MEMORY);
    private final Map<String, Long> symbols = new HashMap<>();
    private final Map<Long, Function> functionsByAddress = new HashMap<>();
    private final HostCalls host;
    private final long budget;
    private long steps;
    private long sp;

    /** Thrown through the interpreter's Java frames when the program exits. */
    static final class Exit extends RuntimeException {
        final int status;

        Exit(int status) {
            super(null, null, false, false);
            this.status = status;
        }
    }

    public Interpreter(Module module, OutputStream stdout, OutputStream stderr, long budget) {
        this.module = module;
        this.host = new HostCalls(memory, stdout, stderr);
        this.budget = budget <= 0 ? Long.MAX_VALUE : budget;
        layout();
        sp = memory.end();
    }

    private void layout() {
        long at = Memory.BASE;
        for (Global g : module.globals()) {
            if (g.external) continue; // linker-defined: its address is an error to take here
            at = align(at, Math.max(1, g.align));
            symbols.put(g.name, at);
            at += Math.max(1, g.size());
        }
        if (at > memory.end() - STACK) throw new InterpreterError("globals do not fit in the interpreter's memory");
        int n = 0;
        for (Function f : module.functions()) {
            long address = FUNCTION_BASE + 16L * n++;
            symbols.put(f.name, address);
            functionsByAddress.put(address, f);
        }
        for (Global g : module.globals()) if (!g.external) initialise(g);
    }

    private void initialise(Global g) {
        long at = symbols.get(g.name);
        for (Global.Item item : g.items) {
            switch (item) {
                case Global.Item.Bytes b -> memory.write(at, b.bytes());
                case Global.Item.Int i -> memory.store(at, i.type().bytes(), i.value());
                case Global.Item.SymRef r -> memory.store(at, 4, address(r.symbol()) + r.offset());
                case Global.Item.Zero z -> { }
            }
            at += item.size();
        }
    }

    private long address(String symbol) {
        Long a = symbols.get(symbol);
        if (a == null) {
            Global g = module.global(symbol);
            if (g != null && g.external)
                throw new InterpreterError("@" + symbol + " is defined by the linker; the interpreter has no address for it");
            throw new InterpreterError("reference to undefined symbol " + symbol);
        }
        return a;
    }

    /** Calls {@code entry} with no arguments; returning from it exits with status 0. */
    public Result run(String entry) {
        Function f = module.function(entry);
        if (f == null) throw new InterpreterError("no function named " + entry);
        try {
            call(f, List.of());
            return new Result(0, steps);
        } catch (Exit e) {
            return new Result(e.status, steps);
        } catch (Parked p) {
            return new Result(panicking ? 101 : 0, steps, p.function);
        } catch (StackOverflowError e) {
            throw new InterpreterError("stack overflow (recursion too deep)");
        }
    }

    private long call(Function f, List<Long> args) {
        if (f.isDeclaration()) throw new InterpreterError("call to undefined function " + f.name);
        if (f.name.equals(PANIC_ENTRY)) panicking = true;
        long savedSp = sp;
        Map<Value, Long> values = new IdentityHashMap<>();
        Map<Slot, Long> slots = new IdentityHashMap<>();
        for (Slot s : f.slots()) {
            sp = (sp - s.size) & -(long) s.align;
            if (sp < memory.end() - STACK) throw new InterpreterError("stack overflow in " + f.name);
            slots.put(s, sp);
        }
        List<Param> params = f.entry().params();
        for (int k = 0; k < params.size(); k++) values.put(params.get(k), args.get(k));
        Block block = f.entry();
        try {
            while (true) {
                Block next = null;
                for (Inst i : block.insts()) {
                    if (++steps > budget) throw new InterpreterError("instruction budget exhausted after " + budget + " IR instructions");
                    if (i.op.isTerminator()) {
                        if (i.op == Op.RET) return i.args.isEmpty() ? 0 : get(values, i.arg(0));
                        if (i.op == Op.TRAP) throw new InterpreterError("reached a trap in " + f.name + " (code after a call that never returns)");
                        Target t = choose(i, values);
                        long[] passed = new long[t.args.size()];
                        for (int k = 0; k < passed.length; k++) passed[k] = get(values, t.args.get(k));
                        for (int k = 0; k < passed.length; k++) values.put(t.block.params().get(k), passed[k]);
                        next = t.block;
                        if (next == block && block.insts().size() == 1) throw new Parked(f.name);
                        break;
                    }
                    long r = execute(i, values, slots);
                    if (i.hasResult()) values.put(i, i.type.wrap(r));
                }
                block = next;
            }
        } finally {
            sp = savedSp;
        }
    }

    private Target choose(Inst t, Map<Value, Long> values) {
        return switch (t.op) {
            case JMP -> t.targets.getFirst();
            case BR -> t.targets.get((get(values, t.arg(0)) & 1) != 0 ? 0 : 1);
            case SWITCH -> {
                long v = t.arg(0).type().wrap(get(values, t.arg(0)));
                for (int k = 0; k < t.cases.length; k++) if (t.cases[k] == v) yield t.targets.get(k + 1);
                yield t.targets.getFirst();
            }
            default -> throw new IllegalStateException("not a branch: " + t.op);
        };
    }

    private long execute(Inst i, Map<Value, Long> values, Map<Slot, Long> slots) {
        return switch (i.op) {
            case CONST -> i.imm;
            case SYMADDR -> address(i.symbol) + i.imm;
            case SLOTADDR -> slots.get(i.slot);
            case PTRADD -> get(values, i.arg(0)) + Type.I32.signed(get(values, i.arg(1)));
            case PTRTOINT, INTTOPTR -> get(values, i.arg(0));
            case LOAD -> memory.load(get(values, i.arg(0)), i.type.bytes());
            case STORE -> {
                memory.store(get(values, i.arg(1)), i.arg(0).type().bytes(), get(values, i.arg(0)));
                yield 0;
            }
            case COPY -> {
                memory.copy(get(values, i.arg(0)), get(values, i.arg(1)), (int) i.imm);
                yield 0;
            }
            case FILL -> {
                memory.fill(get(values, i.arg(0)), (byte) (long) get(values, i.arg(1)), (int) i.imm);
                yield 0;
            }
            case CALL -> call(module.function(i.symbol), arguments(i, values, 0));
            case CALL_INDIRECT -> {
                long target = get(values, i.arg(0));
                Function f = functionsByAddress.get(target);
                if (f == null) throw new InterpreterError(String.format("indirect call to 0x%08x, which is not a function", target));
                yield call(f, arguments(i, values, 1));
            }
            case SEMIHOST -> host.call((int) (long) get(values, i.arg(0)), get(values, i.arg(1)), steps);
            default -> fold(i, values);
        };
    }

    private long fold(Inst i, Map<Value, Long> values) {
        long[] a = new long[i.args.size()];
        for (int k = 0; k < a.length; k++) a[k] = get(values, i.arg(k));
        OptionalLong r = Fold.eval(i.op, i.type, a.length == 0 ? i.type : i.arg(0).type(), i.cond, a);
        if (r.isEmpty()) throw new InterpreterError(i.op.text() + " with undefined result (division by zero or overflow) in "
                + i.block().function().name);
        return r.getAsLong();
    }

    private List<Long> arguments(Inst i, Map<Value, Long> values, int from) {
        Long[] a = new Long[i.args.size() - from];
        for (int k = from; k < i.args.size(); k++) a[k - from] = get(values, i.arg(k));
        return List.of(a);
    }

    private static long get(Map<Value, Long> values, Value v) {
        Long x = values.get(v);
        if (x == null) throw new IllegalStateException("value used before it was computed");
        return x;
    }

    private static long align(long a, long to) {
        return (a + to - 1) & -to;
    }
}
