@ Reset: calls main, then spins.
        .syntax unified
        .cpu cortex-m3
        .thumb

        .section .vectors, "a"
        .word   reset

        .section .text.reset, "ax"
        .global reset
        .type   reset, %function
        .thumb_func
reset:  bl      main
1:      b       1b
