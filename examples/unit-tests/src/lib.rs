// unit-tests: a library of pure functions with #[test]s, run on the emulated board:
//
//     ./rivet test examples/unit-tests
//     ./rivet test --board esp32c3-devkitm --junit results.xml examples/unit-tests

/// CRC-8 (polynomial 0x07, as SMBus uses) of `data`.
pub fn crc8(data: &[u8]) -> u8 {
    let mut crc: u8 = 0;
    for &b in data {
        crc ^= b;
        for _ in 0..8 {
            crc = if crc & 0x80 != 0 { (crc << 1) ^ 0x07 } else { crc << 1 };
        }
    }
    crc
}

/// Integer square root: the largest r with r * r <= n.
pub fn isqrt(n: u32) -> u32 {
    let mut r: u32 = 0;
    let mut bit: u32 = 1 << 30;
    let mut n = n;
    while bit > n {
        bit >>= 2;
    }
    while bit != 0 {
        if n >= r + bit {
            n -= r + bit;
            r = (r >> 1) + bit;
        } else {
            r >>= 1;
        }
        bit >>= 2;
    }
    r
}

/// Clamps a 12-bit ADC reading into millivolts for a 3300 mV reference.
pub fn adc_to_millivolts(raw: u16) -> u32 {
    let raw = if raw > 4095 { 4095 } else { raw as u32 };
    raw * 3300 / 4095
}

/// A fixed-capacity ring buffer of bytes, as a UART driver keeps.
pub struct Ring {
    buf: [u8; 8],
    head: usize,
    len: usize,
}

impl Ring {
    pub fn new() -> Ring {
        Ring { buf: [0; 8], head: 0, len: 0 }
    }

    /// Appends `b`; false when the ring is full.
    pub fn push(&mut self, b: u8) -> bool {
        if self.len == self.buf.len() {
            return false;
        }
        let tail = (self.head + self.len) % self.buf.len();
        self.buf[tail] = b;
        self.len += 1;
        true
    }

    /// Removes the oldest byte. Panics when empty: the caller must check `len` first.
    pub fn pop(&mut self) -> u8 {
        assert!(self.len > 0, "pop from an empty ring");
        let b = self.buf[self.head];
        self.head = (self.head + 1) % self.buf.len();
        self.len -= 1;
        b
    }

    pub fn len(&self) -> usize {
        self.len
    }
}

/// Divides, for the test that shows a panic being expected.
pub fn ratio(a: u32, b: u32) -> u32 {
    a / b
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc8_of_check_string() {
        assert_eq!(crc8(b"123456789"), 0xF4);
    }

    #[test]
    fn crc8_of_nothing_is_zero() {
        assert_eq!(crc8(&[]), 0);
    }

    #[test]
    fn isqrt_of_squares_and_neighbours() {
        for r in 0..100u32 {
            assert_eq!(isqrt(r * r), r);
            if r > 0 {
                assert_eq!(isqrt(r * r - 1), r - 1);
            }
        }
        assert_eq!(isqrt(u32::MAX), 65535);
    }

    #[test]
    fn adc_scales_and_clamps() {
        assert_eq!(adc_to_millivolts(0), 0);
        assert_eq!(adc_to_millivolts(4095), 3300);
        assert_eq!(adc_to_millivolts(2048), 1650);
        assert_eq!(adc_to_millivolts(9999), 3300, "readings above 12 bits clamp");
    }

    #[test]
    fn ring_keeps_order_and_wraps() {
        let mut r = Ring::new();
        for i in 0..8u8 {
            assert!(r.push(i));
        }
        assert!(!r.push(8), "a full ring refuses");
        assert_eq!(r.pop(), 0);
        assert!(r.push(8));
        for i in 1..9u8 {
            assert_eq!(r.pop(), i);
        }
        assert_eq!(r.len(), 0);
    }

    #[test]
    #[should_panic(expected = "empty ring")]
    fn ring_pop_when_empty_panics() {
        let mut r = Ring::new();
        r.pop();
    }

    #[test]
    #[should_panic(expected = "attempt to divide by zero")]
    fn ratio_by_zero_panics() {
        ratio(1, 0);
    }

    #[test]
    #[ignore]
    fn slow_exhaustive_isqrt() {
        let mut n: u32 = 0;
        while n < 1_000_000 {
            let r = isqrt(n);
            assert!(r * r <= n && (r + 1) * (r + 1) > n);
            n += 1;
        }
    }
}
