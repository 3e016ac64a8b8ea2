@ A call from flash to a function placed in RAM, 512 MiB away: beyond BL's +-16 MiB.
        .syntax unified
        .thumb
        .section .text.reset, "ax"
        .global reset
        .type reset, %function
        .thumb_func
reset:  bl      in_ram
        b       reset

        .section .ramfunc, "ax"
        .global in_ram
        .type in_ram, %function
        .thumb_func
in_ram: bx      lr
