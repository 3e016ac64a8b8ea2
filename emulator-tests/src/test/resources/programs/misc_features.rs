// Type aliases, shadowing, block expressions, tuples, struct update, associated consts, never type.
type Word = u32;
type Pair = (i32, i32);

#[derive(Clone, Copy)]
struct Settings {
    volume: u8,
    bass: i8,
    name: &'static str,
}

impl Settings {
    const DEFAULT: Settings = Settings { volume: 5, bass: 0, name: "default" };
    const MAX_VOLUME: u8 = 11;

    fn louder(self) -> Self {
        Settings { volume: if self.volume < Self::MAX_VOLUME { self.volume + 1 } else { self.volume }, ..self }
    }
}

#[repr(u8)]
#[derive(Clone, Copy)]
enum Level {
    Low = 10,
    Mid = 20,
    High = 30,
}

#[derive(Clone, Copy)]
enum Signed {
    Neg = -2,
    Zero = 0,
    Pos = 2,
}

fn divmod(a: Word, b: Word) -> (Word, Word) {
    (a / b, a % b)
}

fn swap(p: Pair) -> Pair {
    (p.1, p.0)
}

fn fail(code: u32) -> ! {
    panic!("failed with {}", code)
}

fn checked(x: u32) -> u32 {
    if x > 100 {
        fail(x);
    }
    x * 2
}

fn main() {
    let x = 5;
    let x = x * 2;
    {
        let x = "shadowed";
        println!("{}", x);
    }
    println!("{}", x);
    let y = {
        let a = 3;
        let b = 4;
        a * a + b * b
    };
    println!("y = {}", y);
    let (q, r) = divmod(17, 5);
    println!("{} {}", q, r);
    let p = swap((1, 2));
    println!("{} {}", p.0, p.1);
    let s = Settings::DEFAULT.louder().louder();
    println!("{} {} {}", s.volume, s.bass, s.name);
    let mut t = Settings { bass: -3, ..Settings::DEFAULT };
    t.volume = Settings::MAX_VOLUME;
    let t = t.louder();
    println!("{} {} {}", t.volume, t.bass, t.name);
    let levels = [Level::Low, Level::Mid, Level::High];
    let mut total = 0u32;
    for i in 0..levels.len() {
        total += levels[i] as u32;
    }
    println!("levels total {}", total);
    println!("{} {} {}", Signed::Neg as i32, Signed::Zero as i8, Signed::Pos as i64);
    println!("{}", checked(21));
    let nested = [[1, 2, 3], [4, 5, 6]];
    let mut transposed = [[0; 2]; 3];
    for i in 0..2 {
        for j in 0..3 {
            transposed[j][i] = nested[i][j];
        }
    }
    println!("{} {} {}", transposed[0][1], transposed[2][0], transposed[2][1]);
    let flags = (true, false);
    println!("{} {} {}", flags.0 && !flags.1, flags.0 ^ flags.1, !flags.0 || flags.1);
    let unit = ();
    let _ = unit;
    let big: u64 = 6_000_000_000;
    println!("{} {}", big / 7, big % 7);
    let neg: i64 = -9_000_000_000;
    println!("{} {} {}", neg / 4, neg % 4, neg >> 3);
    println!("{}", (neg as u64) >> 60);
}
