# Reset: copies .data, calls main, spins. lui/addi pairs, pcrel addresses, calls, branches.
        .option norelax
        .section .vectors, "a"
        .word   reset

        .section .text.reset, "ax"
        .global reset
        .type   reset, @function
reset:
        lui     a0, %hi(data_start)
        addi    a0, a0, %lo(data_start)
        la      a1, data_end
        lui     a2, %hi(data_load)
        addi    a2, a2, %lo(data_load)
1:      bgeu    a0, a1, 2f
        lw      a3, 0(a2)
        sw      a3, 0(a0)
        addi    a0, a0, 4
        addi    a2, a2, 4
        j       1b
2:      call    main
        j       spin

        .section .text.spin, "ax"
        .type   spin, @function
spin:   j       spin

        .section .text.unused, "ax"
        .global unused
        .type   unused, @function
unused: ret

        .weak   hook
        .section .text.hook, "ax"
        .type   hook, @function
hook:   li      a0, 1
        ret
