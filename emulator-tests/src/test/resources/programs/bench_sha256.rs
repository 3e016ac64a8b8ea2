// sha256: FIPS 180-4 SHA-256 of a 150-byte message (3 blocks incl. padding),
// plus the "abc" known-answer test.

static K: [u32; 64] = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1,
    0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
    0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
    0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
    0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
    0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
    0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
    0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
    0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
];

static H0: [u32; 8] = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                       0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];

fn compress(h: &mut [u32; 8], blk: &[u8], off: usize) {
    let mut w = [0u32; 64];
    for i in 0..16 {
        let p = off + 4 * i;
        w[i] = ((blk[p] as u32) << 24) | ((blk[p + 1] as u32) << 16)
            | ((blk[p + 2] as u32) << 8) | (blk[p + 3] as u32);
    }
    for i in 16..64 {
        let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
        let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16].wrapping_add(s0).wrapping_add(w[i - 7]).wrapping_add(s1);
    }
    let (mut a, mut b, mut c, mut d) = (h[0], h[1], h[2], h[3]);
    let (mut e, mut f, mut g, mut hh) = (h[4], h[5], h[6], h[7]);
    for i in 0..64 {
        let s1 = e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25);
        let ch = (e & f) ^ (!e & g);
        let t1 = hh.wrapping_add(s1).wrapping_add(ch).wrapping_add(K[i]).wrapping_add(w[i]);
        let s0 = a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22);
        let maj = (a & b) ^ (a & c) ^ (b & c);
        let t2 = s0.wrapping_add(maj);
        hh = g; g = f; f = e; e = d.wrapping_add(t1);
        d = c; c = b; b = a; a = t1.wrapping_add(t2);
    }
    h[0] = h[0].wrapping_add(a); h[1] = h[1].wrapping_add(b);
    h[2] = h[2].wrapping_add(c); h[3] = h[3].wrapping_add(d);
    h[4] = h[4].wrapping_add(e); h[5] = h[5].wrapping_add(f);
    h[6] = h[6].wrapping_add(g); h[7] = h[7].wrapping_add(hh);
}

// Hash msg[0..len) (len <= 183): pads into a scratch buffer of 3 blocks.
fn sha256(msg: &[u8], len: usize, h: &mut [u32; 8]) {
    let mut buf = [0u8; 192];
    for i in 0..8 { h[i] = H0[i]; }
    for i in 0..len { buf[i] = msg[i]; }
    buf[len] = 0x80;
    let nblk = (len + 9 + 63) / 64;
    let end = nblk * 64;
    let bits = (len as u64) * 8;
    for i in 0..8 { buf[end - 1 - i] = (bits >> (8 * i)) as u8; }
    for b in 0..nblk { compress(h, &buf, 64 * b); }
}

#[no_mangle]
pub extern "C" fn run() -> u32 {
    let mut msg = [0u8; 150];
    let mut h = [0u32; 8];
    let mut acc: u32 = 0;
    msg[0] = 0x61; msg[1] = 0x62; msg[2] = 0x63;
    sha256(&msg, 3, &mut h);
    if h[0] != 0xba7816bf || h[7] != 0xf20015ad { acc = 1; }
    for i in 0..150 { msg[i] = (i * 7 + 3) as u8; }
    sha256(&msg, 150, &mut h);
    for i in 0..8 { acc = acc.rotate_left(1) ^ h[i]; }
    acc
}

fn main() {
    println!("{:#010x}", run());
}
