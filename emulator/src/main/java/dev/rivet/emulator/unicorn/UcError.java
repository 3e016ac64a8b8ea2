package dev.rivet.emulator.unicorn;

/** Unicorn's uc_err codes, in the order of unicorn.h. */
public enum UcError {
    OK, NOMEM, ARCH, HANDLE, MODE, VERSION, READ_UNMAPPED, WRITE_UNMAPPED, FETCH_UNMAPPED, HOOK,
    INSN_INVALID, MAP, WRITE_PROT, READ_PROT, FETCH_PROT, ARG, READ_UNALIGNED, WRITE_UNALIGNED,
    FETCH_UNALIGNED, HOOK_EXIST, RESOURCE, EXCEPTION, UNKNOWN;

    public static UcError of(int code) {
        return code >= 0 && code < UNKNOWN.ordinal() ? values()[code] : UNKNOWN;
    }
}
