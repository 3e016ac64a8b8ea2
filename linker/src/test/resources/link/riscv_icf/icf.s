# Identical code folding. twin_a/twin_b are equal, read a constant through a pc-relative pair
# (relocations into themselves) and are only called: they fold. calls_a/calls_b differ only in
# calling twin_a or twin_b: they fold once the twins have. ping/pong call each other with equal
# bytes: they fold as a pair. taken_a/taken_b are equal too, but the table takes taken_b's
# address, so neither may stand for the other. near_a/near_b have equal bytes but jump to
# different functions: they stay apart. local_a/local_b read different constants: apart.
        .section .text.reset, "ax"
        .global reset
        .type   reset, @function
reset:  call    calls_a
        call    calls_b
        call    ping
        call    pong
        call    taken_a
        call    near_a
        call    near_b
        call    local_a
        call    local_b
        lui     a0, %hi(table)
        lw      a0, %lo(table)(a0)
1:      j       1b
        .size   reset, . - reset

        .section .text.twin_a, "ax"
        .global twin_a
        .type   twin_a, @function
twin_a:
.Lta:   auipc   a1, %pcrel_hi(.Lka)
        lw      a1, %pcrel_lo(.Lta)(a1)
        add     a0, a0, a1
        ret
        .align  2
.Lka:   .word   0x1234

        .section .text.twin_b, "ax"
        .global twin_b
        .type   twin_b, @function
twin_b:
.Ltb:   auipc   a1, %pcrel_hi(.Lkb)
        lw      a1, %pcrel_lo(.Ltb)(a1)
        add     a0, a0, a1
        ret
        .align  2
.Lkb:   .word   0x1234

        .section .text.calls_a, "ax"
        .global calls_a
        .type   calls_a, @function
calls_a: addi   sp, sp, -16
        sw      ra, 12(sp)
        call    twin_a
        lw      ra, 12(sp)
        addi    sp, sp, 16
        ret

        .section .text.calls_b, "ax"
        .global calls_b
        .type   calls_b, @function
calls_b: addi   sp, sp, -16
        sw      ra, 12(sp)
        call    twin_b
        lw      ra, 12(sp)
        addi    sp, sp, 16
        ret

        .section .text.ping, "ax"
        .global ping
        .type   ping, @function
ping:   addi    a0, a0, -1
        beqz    a0, 1f
        tail    pong
1:      ret

        .section .text.pong, "ax"
        .global pong
        .type   pong, @function
pong:   addi    a0, a0, -1
        beqz    a0, 1f
        tail    ping
1:      ret

        .section .text.taken_a, "ax"
        .global taken_a
        .type   taken_a, @function
taken_a: li     a0, 42
        ret

        .section .text.taken_b, "ax"
        .global taken_b
        .type   taken_b, @function
taken_b: li     a0, 42
        ret

        .section .text.near_a, "ax"
        .global near_a
        .type   near_a, @function
near_a: tail    twin_a

        .section .text.near_b, "ax"
        .global near_b
        .type   near_b, @function
near_b: tail    taken_a

        .section .text.local_a, "ax"
        .global local_a
        .type   local_a, @function
local_a: lui    a0, %hi(one)
        lw      a0, %lo(one)(a0)
        ret

        .section .text.local_b, "ax"
        .global local_b
        .type   local_b, @function
local_b: lui    a0, %hi(two)
        lw      a0, %lo(two)(a0)
        ret

        .section .rodata.table, "a"
        .align  2
table:  .word   taken_b
one:    .word   1
two:    .word   1
