# main calls a strong hook (overriding start.s's weak one), updates data through %hi/%lo
# and reads a table through a pc-relative address.
        .option norelax
        .section .text.main, "ax"
        .global main
        .type   main, @function
main:   addi    sp, sp, -16
        sw      ra, 12(sp)
        call    hook
        lui     a5, %hi(counter)
        lw      a4, %lo(counter)(a5)
        add     a0, a0, a4
        sw      a0, %lo(counter)(a5)
.Lpc:   auipc   a1, %pcrel_hi(table)
        addi    a1, a1, %pcrel_lo(.Lpc)
        lw      a0, 4(a1)
        beqz    a0, 1f
        c.beqz  a0, 1f
1:      lw      ra, 12(sp)
        addi    sp, sp, 16
        ret

        .section .text.hook, "ax"
        .global hook
        .type   hook, @function
hook:   li      a0, 7
        ret

        .section .rodata.table, "a"
        .align  2
        .global table
table:  .word   hook, main, 0x12345678

        .section .data.counter, "aw"
        .align  2
        .global counter
counter: .word  100

        .section .bss.scratch, "aw", @nobits
        .align  3
        .global scratch
scratch: .space 24
