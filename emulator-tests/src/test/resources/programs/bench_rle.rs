// rle: PackBits run-length encoder and decoder (as used in TIFF, bitmap fonts
// and log compression) over 1000 bytes with mixed runs and literals;
// round trip checked, Adler-32 over the packed stream.

const LEN: usize = 1000;

fn pack(src: &[u8], n: usize, dst: &mut [u8]) -> usize {
    let mut i = 0;
    let mut o = 0;
    while i < n {
        let mut run = 1;
        while i + run < n && run < 128 && src[i + run] == src[i] { run += 1; }
        if run >= 3 {
            dst[o] = (257 - run) as u8;
            dst[o + 1] = src[i];
            o += 2;
            i += run;
        } else {
            let start = i;
            while i < n && i - start < 128 {
                if i + 2 < n && src[i] == src[i + 1] && src[i] == src[i + 2] { break; }
                i += 1;
            }
            let len = i - start;
            dst[o] = (len - 1) as u8;
            o += 1;
            for k in 0..len { dst[o] = src[start + k]; o += 1; }
        }
    }
    o
}

fn unpack(src: &[u8], n: usize, dst: &mut [u8], cap: usize) -> usize {
    let mut i = 0;
    let mut o = 0;
    while i < n {
        let h = src[i] as usize;
        i += 1;
        if h < 128 {
            for _k in 0..h + 1 {
                if o < cap { dst[o] = src[i]; }
                o += 1;
                i += 1;
            }
        } else if h > 128 {
            let v = src[i];
            i += 1;
            for _k in 0..257 - h {
                if o < cap { dst[o] = v; }
                o += 1;
            }
        }
    }
    o
}

#[no_mangle]
pub extern "C" fn run() -> u32 {
    let mut data = [0u8; LEN];
    let mut packed = [0u8; LEN + LEN / 128 + 8];
    let mut back = [0u8; LEN];
    let mut x: u32 = 77;
    let mut i = 0;
    while i < LEN {
        x = x.wrapping_mul(1103515245).wrapping_add(12345);
        let r = (x >> 24) & 15;
        let v = (x >> 16) as u8;
        let lit = r < 10; // 1..10 literals, or a run of 20..30
        let cnt = if lit { r + 1 } else { 2 * r };
        let mut k: u32 = 0;
        while k < cnt && i < LEN {
            data[i] = if lit { v.wrapping_add((k * 37) as u8) } else { v };
            i += 1;
            k += 1;
        }
    }
    let plen = pack(&data, LEN, &mut packed);
    let blen = unpack(&packed, plen, &mut back, LEN);
    let mut acc: u32 = 0;
    if blen != LEN { acc = 0x80000000; }
    for k in 0..LEN {
        if back[k] != data[k] { acc |= 0x40000000; }
    }
    let mut a: u32 = 1;
    let mut b: u32 = 0;
    for k in 0..plen {
        a = (a + packed[k] as u32) % 65521;
        b = (b + a) % 65521;
    }
    acc ^ (b << 16 | a) ^ ((plen as u32) << 7)
}

fn main() {
    println!("{:#010x}", run());
}
