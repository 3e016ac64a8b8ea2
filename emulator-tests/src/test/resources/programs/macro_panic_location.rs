// A panic in code a macro body produced reports the outermost invocation's location, as
// rustc's panics (and line!()) do; code passed in as an argument keeps its own.
macro_rules! checked_div {
    ($a:expr, $b:expr) => {{
        if $b == 0 {
            panic!("division of {} by zero", $a);
        }
        $a / $b
    }};
}

macro_rules! wrap {
    ($e:expr) => {
        checked_div!($e, 0)
    };
}

macro_rules! where_am_i {
    () => {
        line!()
    };
}

fn main() {
    println!("{}", checked_div!(10, 2));
    println!("{} {}", where_am_i!(), line!());
    let v = wrap!(7);
    println!("unreachable {}", v);
}
