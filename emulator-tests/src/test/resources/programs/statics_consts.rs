// const and static items, consts computed from consts, used as array lengths; static mut.
const WIDTH: usize = 4;
const HEIGHT: usize = WIDTH * 2 + 1;
const AREA: usize = WIDTH * HEIGHT;
const MASK: u32 = (1 << 12) - 1;
const NEG: i32 = -(MASK as i32) / 3;
static mut COUNTER: u32 = 0;
static TABLE: [u16; 4] = [10, 20, 30, 40];
static SQUARES: [u32; WIDTH] = [0, 1, 4, 9];

struct Config {
    name: &'static str,
    level: u8,
    enabled: bool,
}

static CONFIG: Config = Config { name: "default", level: 3, enabled: true };

fn bump() -> u32 {
    unsafe {
        COUNTER += 1;
        COUNTER
    }
}

fn main() {
    let grid = [[0u8; WIDTH]; HEIGHT];
    println!("{} {} {}", WIDTH, HEIGHT, AREA);
    println!("{} {}", grid.len(), grid[0].len());
    println!("{} {}", MASK, NEG);
    bump();
    bump();
    println!("counter = {}", bump());
    println!("{}", TABLE[2] + SQUARES[3] as u16);
    println!("{} {} {}", CONFIG.name, CONFIG.level, CONFIG.enabled);
    const LOCAL: u64 = 1 << 40;
    println!("{}", LOCAL);
    println!("{}", core::mem::size_of::<[u32; AREA]>());
}
