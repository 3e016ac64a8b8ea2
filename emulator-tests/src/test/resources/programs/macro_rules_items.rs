// Macros that generate items: functions, structs with impls, enums with methods, methods inside
// impl blocks, register accessors over a fake register block, macros defining macros,
// #[macro_export] with crate:: and $crate paths, #[macro_use] modules and every fragment kind.

#[macro_use]
mod util {
    macro_rules! getter {
        ($name:ident, $shift:expr, $mask:expr) => {
            fn $name(&self) -> u32 {
                (self.0 >> $shift) & $mask
            }
        };
    }
}

#[macro_export]
macro_rules! double {
    ($x:expr) => {
        $x * 2
    };
}

macro_rules! quadruple {
    ($x:expr) => {
        $crate::double!($crate::double!($x))
    };
}

macro_rules! make_fns {
    ($($name:ident => $value:expr),* $(,)?) => {
        $(fn $name() -> u32 { $value })*
    };
}
make_fns! {
    one => 1,
    two => double!(1),
}

macro_rules! newtype {
    ($(#[$attr:meta])* $vis:vis struct $name:ident($inner:ty);) => {
        $(#[$attr])*
        $vis struct $name($inner);
        impl $name {
            fn get(&self) -> $inner {
                self.0
            }
        }
    };
}
newtype! {
    /// A temperature in tenths of a degree.
    #[derive(Clone, Copy)]
    pub struct Celsius(i16);
}

macro_rules! c_enum {
    ($name:ident { $($variant:ident = $value:literal),+ $(,)? }) => {
        #[derive(Clone, Copy, PartialEq)]
        enum $name {
            $($variant = $value),+
        }
        impl $name {
            fn name(self) -> &'static str {
                match self {
                    $($name::$variant => stringify!($variant)),+
                }
            }
            fn from_bits(bits: u8) -> $name {
                match bits {
                    $($value => $name::$variant,)+
                    _ => panic!("bad bits"),
                }
            }
        }
    };
}
c_enum!(Mode { Input = 0, Output = 1, Alternate = 2, Analog = 3 });

struct Status(u32);
impl Status {
    getter!(ready, 0, 1);
    getter!(level, 4, 0xF);
}

// Register access over a block of "registers".
static mut REGS: [u32; 4] = [0; 4];
macro_rules! reg_write {
    ($index:expr, $value:expr) => {
        unsafe { core::ptr::write_volatile(core::ptr::addr_of_mut!(REGS[$index]), $value) }
    };
}
macro_rules! reg_read {
    ($index:expr) => {
        unsafe { core::ptr::read_volatile(core::ptr::addr_of!(REGS[$index])) }
    };
}
macro_rules! reg_modify {
    ($index:expr, |$r:ident| $body:expr) => {{
        let $r = reg_read!($index);
        reg_write!($index, $body);
    }};
}

macro_rules! define_const {
    ($name:ident: $t:ty = $v:expr) => {
        const $name: $t = $v;
    };
}
define_const!(LIMIT: u16 = 300 + 4);

// A macro that defines a macro.
macro_rules! make_adder {
    ($name:ident, $n:expr) => {
        macro_rules! $name {
            ($x:expr) => {
                $x + $n
            };
        }
    };
}
make_adder!(add_ten, 10);

// Patterns and types from macros.
macro_rules! small {
    () => {
        0..=9
    };
}
macro_rules! word {
    () => {
        u32
    };
}
macro_rules! classify {
    ($x:expr, $($p:pat => $r:expr),+) => {
        match $x {
            $($p => $r,)+
        }
    };
}

macro_rules! with_lifetime {
    ($lt:lifetime, $name:ident) => {
        fn $name<$lt>(s: &$lt str) -> &$lt str {
            s
        }
    };
}
with_lifetime!('a, identity);

macro_rules! block_value {
    ($b:block) => {
        $b
    };
}

macro_rules! run_stmts {
    ($($s:stmt);* $(;)?) => {
        $($s;)*
    };
}

macro_rules! call_path {
    ($p:path) => {
        $p()
    };
}

mod nested {
    pub fn seven() -> u32 {
        crate::double!(3) + 1
    }
}

fn main() {
    println!("{} {} {}", one(), two(), quadruple!(3));
    let t = Celsius(215);
    println!("{}", t.get());
    let m = Mode::from_bits(2);
    println!("{} {} {}", m.name(), Mode::Analog as u8, m == Mode::Alternate);
    let s = Status(0x51);
    println!("{} {}", s.ready(), s.level());
    reg_write!(2, 0xF0);
    reg_modify!(2, |r| r | 0x0F);
    println!("{:#x} {}", reg_read!(2), reg_read!(0));
    println!("{}", LIMIT);
    println!("{}", add_ten!(5));
    let x: word!() = 7;
    let kind = match x {
        small!() => "small",
        _ => "big",
    };
    println!("{}", kind);
    println!("{}", classify!(15u8, 0 => "zero", 1..=9 => "digit", _ => "many"));
    println!("{}", identity("lifetimes"));
    println!("{}", block_value!({ let y = 4; y * y }));
    run_stmts! { let a = 2; let b = a + 3; println!("{}", a * b) }
    println!("{}", call_path!(nested::seven));
}
