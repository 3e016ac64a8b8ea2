// The recursion limit stops an expansion that never ends, as rustc's does.
macro_rules! forever {
    ($($t:tt)*) => { forever!($($t)* x) };
}

fn main() {
    forever!();
}
