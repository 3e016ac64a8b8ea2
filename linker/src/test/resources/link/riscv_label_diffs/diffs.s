# A jump table of label differences (as rivet writes them for a RISC-V match), with calls
# between the table and its targets that shrink when relaxed: GNU as writes the entries as
# ADD/SUB pairs, and rivet writes SET/SUB pairs (here through .reloc); both must give the
# distances after relaxation, as GNU ld's do.
        .section .text.reset, "ax"
        .global reset
        .type   reset, @function
reset:
0:      auipc   t1, 0
        add     a0, a0, t1
        lb      a0, 16(a0)
        add     a0, a0, t1
        jr      a0
        .global table, first, second, last
table:
1:      .byte   2f - 0b, 3f - 0b, 4f - 0b, 0b - 0b
        .balign 2
        .half   4f - 0b, 3f - 1b
        .4byte  4f - 1b
        # .reloc against a local label names the section plus an offset, which GNU ld leaves
        # as it is when relaxing: these name global labels instead, as rivet's labels are named
        .reloc  ., R_RISCV_SET8, second
        .reloc  ., R_RISCV_SUB8, reset
        .byte   0x55
        .reloc  ., R_RISCV_SET16, last
        .reloc  ., R_RISCV_SUB16, table
        .half   0x5555
        .reloc  ., R_RISCV_SET32, last
        .4byte  0x55555555
        .reloc  ., R_RISCV_SET6, first
        .reloc  ., R_RISCV_SUB6, table
        .byte   0xC0
        .balign 2
first:
2:      call    near
second:
3:      call    near
        call    near
last:
4:      tail    near
        .size   reset, . - reset

        .section .text.near, "ax"
        .global near
        .type   near, @function
near:   ret
