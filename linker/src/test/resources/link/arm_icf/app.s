@ Identical code folding. twin_a/twin_b are equal and only called: they fold. calls_a and
@ calls_b differ only in calling twin_a or twin_b: they fold once the twins have. ping/pong
@ call each other with equal bytes: they fold as a pair. taken_a/taken_b are equal too, but
@ the table takes taken_b's address, so neither may stand for the other. near_a/near_b have
@ equal bytes but call different functions: they stay apart.
        .syntax unified
        .cpu cortex-m3
        .thumb

        .section .text.main, "ax"
        .global main
        .type   main, %function
main:   push    {r4, lr}
        bl      calls_a
        bl      calls_b
        bl      ping
        bl      pong
        bl      taken_a
        bl      near_a
        bl      near_b
        ldr     r0, =table
        pop     {r4, pc}
        .ltorg

        .section .text.twin_a, "ax"
        .global twin_a
        .type   twin_a, %function
twin_a: adds    r0, r0, #3
        lsls    r0, r0, #1
        bx      lr

        .section .text.twin_b, "ax"
        .global twin_b
        .type   twin_b, %function
twin_b: adds    r0, r0, #3
        lsls    r0, r0, #1
        bx      lr

        .section .text.calls_a, "ax"
        .global calls_a
        .type   calls_a, %function
calls_a: push   {r4, lr}
        bl      twin_a
        pop     {r4, pc}

        .section .text.calls_b, "ax"
        .global calls_b
        .type   calls_b, %function
calls_b: push   {r4, lr}
        bl      twin_b
        pop     {r4, pc}

        .section .text.ping, "ax"
        .global ping
        .type   ping, %function
ping:   subs    r0, r0, #1
        beq     1f
        b.w     pong
1:      bx      lr

        .section .text.pong, "ax"
        .global pong
        .type   pong, %function
pong:   subs    r0, r0, #1
        beq     1f
        b.w     ping
1:      bx      lr

        .section .text.taken_a, "ax"
        .global taken_a
        .type   taken_a, %function
taken_a: movs   r0, #42
        bx      lr

        .section .text.taken_b, "ax"
        .global taken_b
        .type   taken_b, %function
taken_b: movs   r0, #42
        bx      lr

        .section .text.near_a, "ax"
        .global near_a
        .type   near_a, %function
near_a: b.w     twin_a

        .section .text.near_b, "ax"
        .global near_b
        .type   near_b, %function
near_b: b.w     taken_a

        .section .rodata.table, "a"
        .align  2
        .global table
table:  .word   taken_b
