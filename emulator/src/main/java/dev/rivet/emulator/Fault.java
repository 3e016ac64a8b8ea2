package dev.rivet.emulator;

import java.util.List;
import java.util.OptionalLong;
import java.util.function.LongFunction;

/**
 * What stopped a run that did not exit normally.
 *
 * @param kind      the class of fault
 * @param pc        address of the instruction that faulted (or was about to run)
 * @param address   the data address involved, for memory faults
 * @param detail    one line of specifics ("write to flash", "bkpt #0x01")
 * @param recentPcs the last instructions executed, oldest first, ending with {@code pc}
 * @param registers the register file at the fault, as "name=value" strings
 * @param callers   return addresses of the active calls, innermost first (empty without unwind rows)
 */
public record Fault(FaultKind kind, long pc, OptionalLong address, String detail,
                   List<Long> recentPcs, List<String> registers, List<Long> callers) {
    public Fault {
        recentPcs = List.copyOf(recentPcs);
        registers = List.copyOf(registers);
        callers = List.copyOf(callers);
    }

    /** A multi-line report; {@code symbolize} turns an address into "function (file:line)" or "". */
    public String describe(LongFunction<String> symbolize) {
        StringBuilder sb = new StringBuilder();
        sb.append("fault: ").append(kind.title());
        if (!detail.isEmpty()) sb.append(": ").append(detail);
        sb.append('\n').append(String.format("  pc:      0x%08x%s%n", pc, suffix(symbolize.apply(pc))));
        address.ifPresent(a -> sb.append(String.format("  address: 0x%08x%n", a)));
        if (!registers.isEmpty()) sb.append("  registers: ").append(String.join(" ", registers)).append('\n');
        if (!callers.isEmpty()) {
            sb.append("  backtrace:\n");
            sb.append(String.format("    #0 0x%08x%s%n", pc, suffix(symbolize.apply(pc))));
            for (int k = 0; k < callers.size(); k++) {
                long ra = callers.get(k);
                sb.append(String.format("    #%d 0x%08x%s%n", k + 1, ra, suffix(symbolize.apply(ra - 1)))); // the call, not what follows it
            }
        }
        if (!recentPcs.isEmpty()) {
            sb.append("  last instructions:");
            for (long a : recentPcs) sb.append(String.format(" %08x", a));
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String suffix(String symbol) {
        return symbol == null || symbol.isEmpty() ? "" : " in " + symbol;
    }
}
