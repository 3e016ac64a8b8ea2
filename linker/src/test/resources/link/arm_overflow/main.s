        .syntax unified
        .thumb
        .section .text.reset, "ax"
        .global reset
        .type reset, %function
        .thumb_func
reset:  ldr     r0, =big_table
        ldr     r1, =other_table
        b       reset
        .section .rodata.big_table, "a"
big_table:  .space 3000
        .section .rodata.other_table, "a"
other_table:  .space 1500
