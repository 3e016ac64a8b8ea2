package dev.rivet.boards;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Optional;

/**
 * One step of a peripheral's set-up sequence, as board files write it: a store to a register,
 * or a wait until a register shows a value. The runtime performs the steps in order; the
 * emulator's peripheral stubs answer waits at once.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.DEDUCTION)
@JsonSubTypes({@JsonSubTypes.Type(InitStep.Write.class), @JsonSubTypes.Type(InitStep.Wait.class)})
public sealed interface InitStep {

    /** Why the step is there, in the reference manual's terms. */
    String note();

    /**
     * Stores to a register. Without a mask the whole word is written; with a mask the other
     * bits keep their value (read-modify-write), which lets board files enable one clock bit
     * without knowing what else is on.
     */
    record Write(@JsonProperty("write") long address, long value, Optional<Long> mask, String note) implements InitStep {
        public Write {
            checkAddress(address);
            checkWord(value, "value");
            if (mask == null) mask = Optional.empty();
            mask.ifPresent(m -> checkWord(m, "mask"));
            if (mask.isPresent() && (value & ~mask.get()) != 0)
                throw new IllegalArgumentException("value has bits outside mask");
            if (note == null) note = "";
        }
    }

    /** Spins until {@code (read(address) & mask) == value}. */
    record Wait(@JsonProperty("wait") long address, long mask, long value, String note) implements InitStep {
        public Wait {
            checkAddress(address);
            checkWord(mask, "mask");
            if ((value & ~mask) != 0) throw new IllegalArgumentException("value has bits outside mask");
            if (note == null) note = "";
        }
    }

    private static void checkAddress(long address) {
        if (address < 0 || address > 0xFFFF_FFFCL || (address & 3) != 0)
            throw new IllegalArgumentException("register address must be a word-aligned 32-bit address");
    }

    private static void checkWord(long v, String what) {
        if (v < 0 || v > 0xFFFF_FFFFL) throw new IllegalArgumentException(what + " must fit in 32 bits");
    }
}
