        .syntax unified
        .thumb
        .section .text.missing, "ax"
        .global missing_function
        .type missing_function, %function
        .thumb_func
missing_function:  bx      lr
