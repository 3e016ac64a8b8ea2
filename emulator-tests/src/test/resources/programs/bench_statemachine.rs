// statemachine: NMEA-style sentence parser ("$PX,12,345*5A\r\n") driven byte by
// byte through an explicit state machine, over a generated stream that holds
// good sentences, bad checksums and line noise.

const DOLLAR: u8 = 36;
const COMMA: u8 = 44;
const STAR: u8 = 42;
const CR: u8 = 13;
const LF: u8 = 10;
const ZERO: u8 = 48;
const UPPER_A: u8 = 65;

enum State { Idle, Body, Hex1, Hex2, EndCr, EndLf }
enum Event { Nothing, Field(u32), Done(u32, bool), Error(u32) }

struct Parser { state: State, sum: u8, got: u8, value: u32, nfields: u32, ndigits: u32 }

fn hex_value(c: u8) -> i32 {
    if c >= ZERO && c < ZERO + 10 { return (c - ZERO) as i32; }
    if c >= UPPER_A && c < UPPER_A + 6 { return (c - UPPER_A + 10) as i32; }
    -1
}

fn step(p: &mut Parser, c: u8) -> Event {
    match p.state {
        State::Idle => {
            if c == DOLLAR {
                p.state = State::Body; p.sum = 0; p.value = 0; p.nfields = 0; p.ndigits = 0;
            }
            Event::Nothing
        }
        State::Body => {
            if c == STAR || c == COMMA {
                let mut e = Event::Nothing;
                if p.ndigits > 0 { e = Event::Field(p.value); p.nfields += 1; }
                p.value = 0; p.ndigits = 0;
                if c == STAR { p.state = State::Hex1; } else { p.sum ^= c; }
                return e;
            }
            if c == DOLLAR || c == CR || c == LF { p.state = State::Idle; return Event::Error(1); }
            p.sum ^= c;
            if c >= ZERO && c < ZERO + 10 {
                p.value = p.value.wrapping_mul(10).wrapping_add((c - ZERO) as u32);
                p.ndigits += 1;
            }
            Event::Nothing
        }
        State::Hex1 => {
            let h = hex_value(c);
            if h < 0 { p.state = State::Idle; return Event::Error(2); }
            p.got = (h << 4) as u8; p.state = State::Hex2;
            Event::Nothing
        }
        State::Hex2 => {
            let h = hex_value(c);
            if h < 0 { p.state = State::Idle; return Event::Error(2); }
            p.got |= h as u8; p.state = State::EndCr;
            Event::Nothing
        }
        State::EndCr => {
            if c != CR { p.state = State::Idle; return Event::Error(3); }
            p.state = State::EndLf;
            Event::Nothing
        }
        State::EndLf => {
            p.state = State::Idle;
            if c != LF { return Event::Error(4); }
            Event::Done(p.nfields, p.got == p.sum)
        }
    }
}

fn put_dec(buf: &mut [u8], pos_in: usize, v_in: u32) -> usize {
    let mut tmp = [0u8; 10];
    let mut n = 0;
    let mut v = v_in;
    let mut pos = pos_in;
    loop {
        tmp[n] = ZERO + (v % 10) as u8; n += 1; v /= 10;
        if v == 0 { break; }
    }
    while n > 0 { n -= 1; buf[pos] = tmp[n]; pos += 1; }
    pos
}

fn hex_digit(v: u32) -> u8 { if v < 10 { ZERO + v as u8 } else { UPPER_A + v as u8 - 10 } }

fn put(buf: &mut [u8], pos: &mut usize, c: u8) { buf[*pos] = c; *pos += 1; }

#[no_mangle]
pub extern "C" fn run() -> u32 {
    let mut buf = [0u8; 1400];
    let mut pos: usize = 0;
    let mut x: u32 = 2024;
    for s in 0..24u32 {
        let start = pos;
        put(&mut buf, &mut pos, DOLLAR); put(&mut buf, &mut pos, 80); put(&mut buf, &mut pos, 88);
        for f in 0..1 + s % 5 {
            x = x.wrapping_mul(1103515245).wrapping_add(12345);
            put(&mut buf, &mut pos, COMMA);
            pos = put_dec(&mut buf, pos, (x >> 8) % (1 << (4 + 3 * f)));
        }
        let mut sum: u32 = 0;
        for i in start + 1..pos { sum ^= buf[i] as u32; }
        if s % 7 == 3 { sum ^= 0x20; } // corrupt the checksum
        put(&mut buf, &mut pos, STAR);
        put(&mut buf, &mut pos, if s % 11 == 6 { 90 } else { hex_digit(sum >> 4) }); // bad hex digit
        put(&mut buf, &mut pos, hex_digit(sum & 15));
        put(&mut buf, &mut pos, CR); put(&mut buf, &mut pos, LF);
        if s % 5 == 2 { put(&mut buf, &mut pos, DOLLAR); put(&mut buf, &mut pos, 71); put(&mut buf, &mut pos, CR); } // noise
    }
    let mut p = Parser { state: State::Idle, sum: 0, got: 0, value: 0, nfields: 0, ndigits: 0 };
    let mut acc: u32 = 0;
    let mut good: u32 = 0;
    let mut bad: u32 = 0;
    let mut errors: u32 = 0;
    for i in 0..pos {
        match step(&mut p, buf[i]) {
            Event::Field(v) => acc = acc.wrapping_mul(31).wrapping_add(v),
            Event::Done(n, ok) => if ok { good += n; } else { bad += 1; },
            Event::Error(code) => errors += code,
            Event::Nothing => {}
        }
    }
    acc ^ (good << 20) ^ (bad << 26) ^ (errors << 12) ^ pos as u32
}

fn main() {
    println!("{:#010x}", run());
}
