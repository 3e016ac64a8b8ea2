// Inline modules, use with groups and globs, self/super/crate paths, pub.
mod geometry {
    pub mod shapes {
        pub struct Square {
            pub side: u32,
        }

        impl Square {
            pub fn area(&self) -> u32 {
                super::helpers::square(self.side)
            }
        }
    }

    mod helpers {
        pub fn square(x: u32) -> u32 {
            x * x
        }
    }

    pub fn describe() -> &'static str {
        "geometry"
    }

    pub const UNIT: u32 = 1;
}

mod math {
    pub fn add(a: i32, b: i32) -> i32 {
        a + b
    }

    pub fn twice(a: i32) -> i32 {
        self::add(a, a)
    }

    pub fn via_crate(a: i32) -> i32 {
        crate::math::twice(a) + 1
    }
}

use geometry::shapes::Square;
use geometry::{describe, UNIT};
use math::*;

fn main() {
    let s = Square { side: 7 };
    println!("{} {}", describe(), s.area());
    println!("{} {} {}", add(2, 3), twice(4), via_crate(5));
    println!("{}", UNIT + geometry::UNIT);
    fn local_helper(x: u32) -> u32 {
        x + 100
    }
    println!("{}", local_helper(1));
}
