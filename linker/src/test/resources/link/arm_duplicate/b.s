        .syntax unified
        .thumb
        .section .text.reset2, "ax"
        .global reset
        .type reset, %function
        .thumb_func
reset:  bx      lr
