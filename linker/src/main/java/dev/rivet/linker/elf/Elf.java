package dev.rivet.linker.elf;

/** ELF32 constants (System V ABI, ELF for the ARM Architecture, RISC-V ELF psABI). */
public final class Elf {
    private Elf() {}

    public static final int ET_REL = 1, ET_EXEC = 2;
    public static final int EM_ARM = 40, EM_RISCV = 243;

    public static final int SHT_NULL = 0, SHT_PROGBITS = 1, SHT_SYMTAB = 2, SHT_STRTAB = 3, SHT_RELA = 4, SHT_NOBITS = 8,
            SHT_REL = 9, SHT_ARM_ATTRIBUTES = 0x70000003, SHT_RISCV_ATTRIBUTES = 0x70000003;
    public static final int SHF_WRITE = 1, SHF_ALLOC = 2, SHF_EXECINSTR = 4, SHF_INFO_LINK = 0x40, SHF_GNU_RETAIN = 0x200000;

    public static final int STB_LOCAL = 0, STB_GLOBAL = 1, STB_WEAK = 2;
    public static final int STT_NOTYPE = 0, STT_OBJECT = 1, STT_FUNC = 2, STT_SECTION = 3, STT_FILE = 4;
    public static final int SHN_UNDEF = 0, SHN_ABS = 0xFFF1, SHN_COMMON = 0xFFF2;

    public static final int PT_LOAD = 1, PF_X = 1, PF_W = 2, PF_R = 4;

    /** e_flags: ARM EABI version 5, soft-float. */
    public static final int EF_ARM_EABI5 = 0x05000000, EF_ARM_ABI_FLOAT_SOFT = 0x200;
    /** e_flags: RISC-V compressed instructions, RV32E. */
    public static final int EF_RISCV_RVC = 1, EF_RISCV_RVE = 8;

    public static final int EHDR_SIZE = 52, SHDR_SIZE = 40, PHDR_SIZE = 32, SYM_SIZE = 16;
}
