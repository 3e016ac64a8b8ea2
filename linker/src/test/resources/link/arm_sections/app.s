@ main calls a strong hook (overriding start.s's weak one) and reads data and bss through movw/movt.
        .syntax unified
        .cpu cortex-m3
        .thumb

        .section .text.main, "ax"
        .global main
        .type   main, %function
        .thumb_func
main:   push    {r4, lr}
        bl      hook
        movw    r4, #:lower16:counter
        movt    r4, #:upper16:counter
        ldr     r1, [r4]
        add     r0, r0, r1
        str     r0, [r4]
        ldr     r1, =table + 4
        ldr     r0, [r1]
        pop     {r4, pc}
        .pool

        .section .text.hook, "ax"
        .global hook
        .type   hook, %function
        .thumb_func
hook:   movs    r0, #7
        bx      lr

        .section .rodata.table, "a"
        .align  2
        .global table
table:  .word   hook, main, 0x12345678

        .section .data.counter, "aw"
        .align  2
        .global counter
counter: .word  100

        .section .bss.scratch, "aw", %nobits
        .align  3
scratch: .space 24
        .global scratch
