// Errors in macro_rules! definitions and invocations, in rustc's words.
macro_rules! pick {
    (a) => { 1 };
    (b $e:expr) => { $e };
}

macro_rules! follow { ($e:expr $f:expr) => {} }
macro_rules! unspecified { ($e) => {} }
macro_rules! unknown_kind { ($e:foo) => {} }
macro_rules! bad_separator { ($($t:ty)-+) => {} }
macro_rules! twice { ($x:ident, $x:ident) => {} }
macro_rules! optional_sep { ($($x:ident),?) => {} }

macro_rules! still_repeating { ($($x:ident)*) => { $x }; }
macro_rules! nothing_repeats { ($x:ident) => { $($x)* }; }
macro_rules! uneven { ($($a:ident)* ; $($b:ident)*) => { $(($a, $b))* }; }
macro_rules! greedy { ($($t:tt)* ; $e:expr) => {} }
macro_rules! two_exprs { ($e:expr) => { 1 2 } }
macro_rules! typed { ($e:expr) => { let y: u32 = $e; } }
macro_rules! bad_body { () => { let z: u32 = "text"; } }
macro_rules! outer_call { () => { bad_body!() } }

fn main() {
    let _ = pick!(a x);
    let _ = pick!(b);
    let _ = pick!(c);
    nope!();
    crate::absent!();
    still_repeating!(a b);
    nothing_repeats!(a);
    let (a, b, c) = (1, 2, 3);
    uneven!(a b ; c);
    greedy!(a ; 1);
    let v = two_exprs!(1);
    compile_error!("this configuration is not supported");
    typed!("b");
    outer_call!();
}
