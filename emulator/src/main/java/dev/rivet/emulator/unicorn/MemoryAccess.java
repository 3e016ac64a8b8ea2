package dev.rivet.emulator.unicorn;

/** Unicorn's uc_mem_type: what kind of access a memory hook reports. */
public enum MemoryAccess {
    READ(16), WRITE(17), FETCH(18), READ_UNMAPPED(19), WRITE_UNMAPPED(20), FETCH_UNMAPPED(21),
    WRITE_PROT(22), READ_PROT(23), FETCH_PROT(24), READ_AFTER(25), UNKNOWN(-1);

    private final int code;

    MemoryAccess(int code) { this.code = code; }

    public static MemoryAccess of(int code) {
        for (MemoryAccess a : values()) if (a.code == code) return a;
        return UNKNOWN;
    }

    public boolean isFetch() { return this == FETCH || this == FETCH_UNMAPPED || this == FETCH_PROT; }

    public boolean isWrite() { return this == WRITE || this == WRITE_UNMAPPED || this == WRITE_PROT; }

    public boolean isUnmapped() { return this == READ_UNMAPPED || this == WRITE_UNMAPPED || this == FETCH_UNMAPPED; }
}
