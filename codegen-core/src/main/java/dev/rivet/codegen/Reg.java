package dev.rivet.codegen;

/**
 * A register operand: virtual before allocation, physical after (and where an instruction
 * needs a particular register, such as an argument register at a call).
 */
public sealed interface Reg permits Reg.Virtual, Reg.Physical {
    /** A virtual register, numbered per function. */
    record Virtual(int id) implements Reg {
        @Override
        public String toString() { return "v" + id; }
    }

    /** A physical register, numbered as the ISA numbers them (r0 = 0, x10 = 10). */
    record Physical(int num) implements Reg {
        @Override
        public String toString() { return "p" + num; }
    }

    static Physical phys(int n) { return new Physical(n); }
}
