# Calls near and far, address loads of tiny, small, middling and gp-near symbols, an aligned
# instruction after relaxed code, and branches across all of them.
        .section .text.reset, "ax"
        .global reset
        .type   reset, @function
reset:  call    near            # within 2 KiB: c.jal
        beqz    a0, 1f          # a branch across a call that shrinks
        call    far             # beyond 2 KiB: jal
1:      tail    near            # c.j
        .size   reset, . - reset

        .section .text.near, "ax"
        .global near
        .type   near, @function
near:   lui     a3, %hi(tiny)   # tiny fits 12 bits: the lui goes, the addi takes x0
        addi    a3, a3, %lo(tiny)
        lui     a0, %hi(small)  # small lies past the filler: c.lui
        addi    a0, a0, %lo(small)
        lui     a1, %hi(middle) # as middle
        lw      a1, %lo(middle)(a1)
        lui     a2, %hi(counter) # counter is near gp: the lui goes, the sw takes gp
        sw      a1, %lo(counter)(a2)
        c.addi  a0, 1
        .align  2
aligned: addi   a0, a0, 2       # 4-byte aligned again after the code before it shrank
        bnez    a0, near
        ret
        .size   near, . - near

        .section .text.filler, "ax"
        .global filler
filler: .space  2500

        .section .text.far, "ax"
        .global far
        .type   far, @function
far:    ret

        .section .rodata.small, "a"
        .global small
small:  .word   1

        .section .middle, "a"
        .global middle
middle: .word   2

        .section .sdata.counter, "aw"
        .align  2
        .global counter
counter: .word  3
