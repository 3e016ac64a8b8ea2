@ Reset handler: copies .data, calls main, then spins. Uses the script's symbols.
        .syntax unified
        .cpu cortex-m3
        .thumb

        .section .vectors, "a"
        .word   reset

        .section .text.reset, "ax"
        .global reset
        .type   reset, %function
        .thumb_func
reset:
        ldr     r0, =data_start
        ldr     r1, =data_end
        ldr     r2, =data_load
1:      cmp     r0, r1
        bhs     2f
        ldr     r3, [r2], #4
        str     r3, [r0], #4
        b       1b
2:      bl      main
        b.w     spin
        .pool

        .section .text.spin, "ax"
        .type   spin, %function
        .thumb_func
spin:   b       spin

        .section .text.unused, "ax"
        .global unused
        .type   unused, %function
        .thumb_func
unused: bx      lr

        .weak   hook
        .section .text.hook, "ax"
        .type   hook, %function
        .thumb_func
hook:   movs    r0, #1
        bx      lr
