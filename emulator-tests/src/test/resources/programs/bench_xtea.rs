// xtea: XTEA (32 cycles) encrypt + decrypt of 16 blocks in CBC chaining,
// round trip checked. Pure 32-bit add/xor/shift, key schedule via sum & 3.

static KEY: [u32; 4] = [0x01234567, 0x89abcdef, 0xfedcba98, 0x76543210];

fn encipher(v: &mut [u32; 2], k: &[u32; 4]) {
    let (mut v0, mut v1) = (v[0], v[1]);
    let mut sum: u32 = 0;
    let delta: u32 = 0x9e3779b9;
    for _i in 0..32 {
        v0 = v0.wrapping_add((((v1 << 4) ^ (v1 >> 5)).wrapping_add(v1)) ^ sum.wrapping_add(k[(sum & 3) as usize]));
        sum = sum.wrapping_add(delta);
        v1 = v1.wrapping_add((((v0 << 4) ^ (v0 >> 5)).wrapping_add(v0)) ^ sum.wrapping_add(k[((sum >> 11) & 3) as usize]));
    }
    v[0] = v0;
    v[1] = v1;
}

fn decipher(v: &mut [u32; 2], k: &[u32; 4]) {
    let (mut v0, mut v1) = (v[0], v[1]);
    let delta: u32 = 0x9e3779b9;
    let mut sum: u32 = delta.wrapping_mul(32);
    for _i in 0..32 {
        v1 = v1.wrapping_sub((((v0 << 4) ^ (v0 >> 5)).wrapping_add(v0)) ^ sum.wrapping_add(k[((sum >> 11) & 3) as usize]));
        sum = sum.wrapping_sub(delta);
        v0 = v0.wrapping_sub((((v1 << 4) ^ (v1 >> 5)).wrapping_add(v1)) ^ sum.wrapping_add(k[(sum & 3) as usize]));
    }
    v[0] = v0;
    v[1] = v1;
}

#[no_mangle]
pub extern "C" fn run() -> u32 {
    let mut data = [0u32; 32];
    let mut x: u32 = 0xdeadbeef;
    for i in 0..32 {
        x = x.wrapping_mul(69069).wrapping_add(1);
        data[i] = x;
    }
    let mut acc: u32 = 0;
    let mut c = [0u32; 2];
    for b in 0..16 {
        let p0 = data[2 * b] ^ c[0]; // CBC: chain the previous block
        let p1 = data[2 * b + 1] ^ c[1];
        c[0] = p0;
        c[1] = p1;
        encipher(&mut c, &KEY);
        let mut d = [c[0], c[1]];
        decipher(&mut d, &KEY);
        if d[0] != p0 || d[1] != p1 { acc ^= 0x80000000; }
        data[2 * b] = c[0];
        data[2 * b + 1] = c[1];
    }
    for i in 0..32 { acc = (acc ^ data[i]).wrapping_mul(31); }
    acc
}

fn main() {
    println!("{:#010x}", run());
}
