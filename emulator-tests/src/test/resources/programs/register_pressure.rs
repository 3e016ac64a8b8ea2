// Many values live across calls inside loops: more than any core has registers.
#[inline(never)]
fn f(x: u32) -> u32 { x.rotate_left(3) ^ 0x5a5a }

fn main() {
    let mut v = [0u32; 24];
    for i in 0..24 { v[i] = (i as u32).wrapping_mul(2654435761); }
    let (mut a0, mut a1, mut a2, mut a3, mut a4, mut a5, mut a6, mut a7) = (v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
    let (mut b0, mut b1, mut b2, mut b3, mut b4, mut b5, mut b6, mut b7) = (v[8], v[9], v[10], v[11], v[12], v[13], v[14], v[15]);
    let (mut c0, mut c1, mut c2, mut c3, mut c4, mut c5, mut c6, mut c7) = (v[16], v[17], v[18], v[19], v[20], v[21], v[22], v[23]);
    for r in 0..10u32 {
        a0 = f(a0 ^ b7); a1 = a1.wrapping_add(f(c0)); a2 ^= f(a1 ^ r); a3 = a3.wrapping_mul(f(b1) | 1);
        a4 = f(a4.wrapping_add(c2)); a5 ^= f(a5 ^ b3); a6 = f(a6).wrapping_sub(c4); a7 = f(a7 ^ a0);
        b0 = f(b0 ^ c7); b1 = b1.wrapping_add(f(a2)); b2 ^= f(b1 ^ r); b3 = b3.wrapping_mul(f(c1) | 1);
        b4 = f(b4.wrapping_add(a3)); b5 ^= f(b5 ^ c5); b6 = f(b6).wrapping_sub(a5); b7 = f(b7 ^ b0);
        c0 = f(c0 ^ a7); c1 = c1.wrapping_add(f(b2)); c2 ^= f(c1 ^ r); c3 = c3.wrapping_mul(f(a1) | 1);
        c4 = f(c4.wrapping_add(b3)); c5 ^= f(c5 ^ a5); c6 = f(c6).wrapping_sub(b5); c7 = f(c7 ^ c0);
        if r % 3 == 1 { core::mem::swap(&mut a0, &mut c7); core::mem::swap(&mut b3, &mut c3); }
    }
    let x = a0 ^ a1 ^ a2 ^ a3 ^ a4 ^ a5 ^ a6 ^ a7;
    let y = b0.wrapping_add(b1).wrapping_add(b2).wrapping_add(b3) ^ b4 ^ b5 ^ b6 ^ b7;
    let z = c0 ^ c1.rotate_left(1) ^ c2 ^ c3 ^ c4 ^ c5 ^ c6 ^ c7;
    println!("{:#x} {:#x} {:#x}", x, y, z);
}
