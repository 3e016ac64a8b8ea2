// Narrow (u8/i8/u16/i16) values whose arithmetic leaves bits above their width in a 32-bit
// register: masks with high-bit constants, shifts, and comparisons must see only the low bits.

fn crc8(data: &[u8]) -> u8 {
    let mut crc: u8 = 0;
    for &b in data {
        crc ^= b;
        for _ in 0..8 {
            crc = if crc & 0x80 != 0 { (crc << 1) ^ 0x07 } else { crc << 1 };
        }
    }
    crc
}

fn crc16_ccitt(data: &[u8]) -> u16 {
    let mut crc: u16 = 0xffff;
    for &b in data {
        crc ^= (b as u16) << 8;
        for _ in 0..8 {
            crc = if crc & 0x8000 != 0 { (crc << 1) ^ 0x1021 } else { crc << 1 };
        }
    }
    crc
}

#[inline(never)]
fn high_byte_masks(x: u16) -> u16 {
    let doubled = x << 1; // may carry into bit 16 of the register
    (doubled & 0xff80) >> 7
}

#[inline(never)]
fn signed_masks(x: i8) -> i32 {
    let y = x << 2;
    let masked = y & -16i8; // 0xf0 as i8
    (masked as i32) + ((y >> 1) as i32)
}

#[inline(never)]
fn compare_after_add(a: u8, b: u8) -> bool {
    a.wrapping_add(b) < 0x80
}

#[inline(never)]
fn count_high(v: &[i16]) -> u32 {
    let mut n = 0;
    for &x in v {
        if (x.wrapping_mul(3) & -0x100i16) == -0x100 {
            n += 1;
        }
    }
    n
}

fn main() {
    println!("crc8 {}", crc8(b"123456789"));
    println!("crc8 {}", crc8(&[0xff, 0x00, 0x80, 0x7f]));
    println!("crc16 {:#06x}", crc16_ccitt(b"123456789"));
    for x in [0u16, 0x00ff, 0x8000, 0xc0c0, 0xffff] {
        println!("high_byte_masks({:#x}) = {:#x}", x, high_byte_masks(x));
    }
    for x in [0i8, 1, -1, 63, 64, -128, 127] {
        println!("signed_masks({}) = {}", x, signed_masks(x));
    }
    println!("{} {} {}", compare_after_add(0x7f, 1), compare_after_add(0xff, 2), compare_after_add(0x40, 0x3f));
    println!("count_high {}", count_high(&[-1, -50, 100, -86, -85, 30000, -30000]));
}
