package dev.rivet.ir;

import java.util.HashMap;
import java.util.Map;

/**
 * The op table: every IR operation with the properties passes need. The printer, parser,
 * verifier, interpreter and constant folder all read this one table.
 *
 * <p>Operand shapes: {@code arity} is the number of value operands (-1: any). Immediate data
 * (constants, predicates, symbols, slots, sizes) lives in the instruction's payload.
 */
public enum Op {
    // constants and addresses
    CONST("const", 0, Flag.PURE),
    SYMADDR("symaddr", 0, Flag.PURE),      // address of a global or function, plus a constant offset
    SLOTADDR("slotaddr", 0, Flag.PURE),    // address of a stack slot of this function

    // integer arithmetic: wrapping, operands and result of the same type
    ADD("add", 2, Flag.PURE, Flag.COMMUTATIVE, Flag.FOLDABLE),
    SUB("sub", 2, Flag.PURE, Flag.FOLDABLE),
    MUL("mul", 2, Flag.PURE, Flag.COMMUTATIVE, Flag.FOLDABLE),
    // division by zero (and MIN / -1 for the signed forms) is undefined: the front end checks first
    UDIV("udiv", 2, Flag.FOLDABLE, Flag.MAY_TRAP),
    SDIV("sdiv", 2, Flag.FOLDABLE, Flag.MAY_TRAP),
    UREM("urem", 2, Flag.FOLDABLE, Flag.MAY_TRAP),
    SREM("srem", 2, Flag.FOLDABLE, Flag.MAY_TRAP),
    AND("and", 2, Flag.PURE, Flag.COMMUTATIVE, Flag.FOLDABLE),
    OR("or", 2, Flag.PURE, Flag.COMMUTATIVE, Flag.FOLDABLE),
    XOR("xor", 2, Flag.PURE, Flag.COMMUTATIVE, Flag.FOLDABLE),
    // shifts: the amount is taken modulo the width (the front end masks, as Rust's release mode does)
    SHL("shl", 2, Flag.PURE, Flag.FOLDABLE),
    LSHR("lshr", 2, Flag.PURE, Flag.FOLDABLE),
    ASHR("ashr", 2, Flag.PURE, Flag.FOLDABLE),

    ICMP("icmp", 2, Flag.PURE, Flag.FOLDABLE),   // result i1; predicate in the payload
    SELECT("select", 3, Flag.PURE, Flag.FOLDABLE),

    // conversions: the instruction's type is the result type
    ZEXT("zext", 1, Flag.PURE, Flag.FOLDABLE),
    SEXT("sext", 1, Flag.PURE, Flag.FOLDABLE),
    TRUNC("trunc", 1, Flag.PURE, Flag.FOLDABLE),
    PTRADD("ptradd", 2, Flag.PURE),            // ptr + i32 byte offset
    PTRTOINT("ptrtoint", 1, Flag.PURE),
    INTTOPTR("inttoptr", 1, Flag.PURE),

    // memory
    LOAD("load", 1, Flag.READS),                // type = loaded type; payload: volatile
    STORE("store", 2, Flag.WRITES),             // store value, ptr; payload: volatile
    COPY("copy", 2, Flag.READS, Flag.WRITES),   // copy dst, src; payload: byte count, alignment
    FILL("fill", 2, Flag.WRITES),               // fill dst, byte (i8); payload: byte count, alignment

    // calls
    CALL("call", -1, Flag.READS, Flag.WRITES),            // payload: callee symbol
    CALL_INDIRECT("call_indirect", -1, Flag.READS, Flag.WRITES), // first operand: callee address
    SEMIHOST("semihost", 2, Flag.READS, Flag.WRITES),     // semihosting call: op, param -> i32

    // terminators
    JMP("jmp", 0, Flag.TERMINATOR),
    BR("br", 1, Flag.TERMINATOR),
    SWITCH("switch", 1, Flag.TERMINATOR),
    RET("ret", -1, Flag.TERMINATOR),
    /** Execution cannot reach past this point (after a call that never returns, e.g. a panic). */
    TRAP("trap", 0, Flag.TERMINATOR);

    /** Properties of an op. */
    public enum Flag {
        /** No side effects, cannot trap: may be removed if unused, moved or duplicated. */
        PURE,
        COMMUTATIVE,
        /** The constant folder can evaluate it when all operands are constants. */
        FOLDABLE,
        /** Undefined for some operands; not pure, so never speculated. */
        MAY_TRAP,
        READS,
        WRITES,
        TERMINATOR
    }

    private static final Map<String, Op> BY_NAME = new HashMap<>();

    static {
        for (Op op : values()) BY_NAME.put(op.text, op);
    }

    private final String text;
    private final int arity;
    private final java.util.EnumSet<Flag> flags;

    Op(String text, int arity, Flag... flags) {
        this.text = text;
        this.arity = arity;
        this.flags = flags.length == 0 ? java.util.EnumSet.noneOf(Flag.class) : java.util.EnumSet.of(flags[0], flags);
    }

    public String text() { return text; }

    /** Number of value operands, or -1 when it varies (calls, ret). */
    public int arity() { return arity; }

    public boolean is(Flag f) { return flags.contains(f); }

    public boolean isPure() { return is(Flag.PURE); }

    public boolean isTerminator() { return is(Flag.TERMINATOR); }

    /** True if removing an unused instance would change behaviour. */
    public boolean hasSideEffects() { return is(Flag.WRITES) || is(Flag.TERMINATOR) || (is(Flag.READS) && this != LOAD); }

    public static Op byName(String name) { return BY_NAME.get(name); }
}
