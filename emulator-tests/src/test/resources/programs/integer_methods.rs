// The integer methods of tier 1.
fn main() {
    let x: u32 = 0x1234_5678;
    println!("{:x} {:x}", x.rotate_left(8), x.rotate_right(4));
    println!("{} {} {}", x.count_ones(), x.leading_zeros(), x.trailing_zeros());
    println!("{:x} {:x} {:x}", x.swap_bytes(), x.to_be(), x.to_le());
    let le = x.to_le_bytes();
    let be = x.to_be_bytes();
    println!("{} {} {} {}", le[0], le[3], be[0], be[3]);
    println!("{:x}", u32::from_be_bytes([0xde, 0xad, 0xbe, 0xef]));
    println!("{:x}", u32::from_le_bytes([0xde, 0xad, 0xbe, 0xef]));
    println!("{} {}", 16u32.is_power_of_two(), 17u32.is_power_of_two());
    println!("{} {}", 5i32.min(-3), 5u8.max(200));
    println!("{} {}", (-12i32).abs(), 12i32.pow(2));
    println!("{} {}", 200u8.wrapping_mul(3), 100i8.wrapping_add(100));
    println!("{} {}", 1u32.wrapping_sub(2), 0i32.wrapping_neg());
    println!("{} {}", 1u8.wrapping_shl(9), 128u8.wrapping_shr(10));
    println!("{}", 0u16.leading_zeros());
    println!("{} {}", 0x80u8.leading_zeros(), 0x80u8.trailing_zeros());
    println!("{}", 0u64.trailing_zeros());
    println!("{}", (1u64 << 63).leading_zeros());
    println!("{}", u64::MAX.count_ones());
    println!("{} {}", 250u8.saturating_add(10), 5u8.saturating_sub(10));
    println!("{} {}", 100i8.saturating_add(100), (-100i8).saturating_sub(100));
    println!("{} {}", (-7i32).rem_euclid(3), (-7i32).div_euclid(3));
    println!("{} {}", 7u32.abs_diff(10), (-5i32).abs_diff(5));
    println!("{} {} {}", (-9i32).signum(), 0i32.signum(), 9i32.signum());
    println!("{} {}", 5i32.is_positive(), 5i32.is_negative());
    println!("{} {}", 3u32.next_power_of_two(), 0u32.next_power_of_two());
    println!("{}", 0x0fu8.reverse_bits());
    println!("{} {}", u8::MAX, i64::MIN);
    println!("{}", 15u32.clamp(1, 10));
    println!("{}", 10i32.wrapping_div(3));
    logs_and_ceilings();
    called_by_path();
}

/// ilog10, ilog2 and div_ceil (which panic on 0 and divide by zero, like rustc's).
fn logs_and_ceilings() {
    for v in [1u64, 9, 10, 99, 100, 12345678901234, u64::MAX] { print!("{} {} | ", v.ilog10(), v.ilog2()); }
    println!();
    for v in [1i16, 9, 10, 999, i16::MAX] { print!("{} {} | ", v.ilog10(), v.ilog2()); }
    println!();
    for v in [1u8, 200, 255] { print!("{} {} {} | ", v.ilog10(), v.ilog2(), v.div_ceil(core::hint::black_box(7))); }
    println!("{} {}", 0u32.div_ceil(3), u64::MAX.div_ceil(core::hint::black_box(2)));
}

/// Built-in methods called by path, the receiver first: `u32::max(a, b)`, `u8::is_ascii_digit(&c)`.
fn called_by_path() {
    let a = 7u32;
    let b: i16 = -300;
    let c = b'7';
    println!("{} {} {}", u32::max(a, 12), u32::min(3, a), i16::abs(b));
    println!("{} {} {}", u8::is_ascii_digit(&c), char::is_ascii_uppercase(&'Q'), u8::to_ascii_uppercase(&b'x') as char);
    println!("{} {} {}", u32::wrapping_sub(1, 2), i32::pow(3, 4), u16::rotate_left(0x8001, 1));
    println!("{} {}", u64::count_ones(0xff), i8::wrapping_neg(i8::MIN));
}
