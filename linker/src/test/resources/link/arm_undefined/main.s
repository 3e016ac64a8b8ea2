        .syntax unified
        .thumb
        .section .text.reset, "ax"
        .global reset
        .type reset, %function
        .thumb_func
reset:  bl      missing_function
        b       reset
