// macro_rules! as people write them: several rules tried in order, every repetition operator,
// nested repetitions, recursive counting, tt munchers, array builders and precedence kept by
// expression fragments.

// An array builder, like vec! without the heap.
macro_rules! arr {
    () => { [0u32; 0] };
    ($elem:expr; $n:expr) => { [$elem; $n] };
    ($($x:expr),+ $(,)?) => { [$($x),+] };
}

// Counting by recursion: one token tree at a time.
macro_rules! count {
    () => { 0usize };
    ($head:tt $($tail:tt)*) => { 1usize + count!($($tail)*) };
}

// A tt muncher that accumulates as it goes.
macro_rules! reverse {
    (@acc [$($acc:expr),*]) => { [$($acc),*] };
    (@acc [$($acc:expr),*] $x:expr $(, $rest:expr)*) => { reverse!(@acc [$x $(, $acc)*] $($rest),*) };
    ($($x:expr),*) => { reverse!(@acc [] $($x),*) };
}

// Nested repetitions: a matrix and the sum of each row.
macro_rules! matrix {
    ($([$($x:expr),*]),*) => { [$([$($x),*]),*] };
}
macro_rules! row_sums {
    ($([$($x:expr),*]),*) => { [$(0 $(+ $x)*),*] };
}

// `?` repetitions and literal tokens that select a rule.
macro_rules! scaled {
    ($x:expr) => { $x };
    ($x:expr, times $k:literal) => { $x * $k };
    ($x:expr, plus $($k:literal)?) => { $x $(+ $k)? };
}

// Expression fragments keep their grouping: square!(1 + 2) is 9, not 5.
macro_rules! square {
    ($x:expr) => { $x * $x };
}
macro_rules! max {
    ($x:expr) => { $x };
    ($x:expr, $($rest:expr),+) => {{
        let a = $x;
        let b = max!($($rest),+);
        if a > b { a } else { b }
    }};
}

// Separators other than commas, and a macro forwarding to another.
macro_rules! sum_semis {
    ($($x:expr);*) => { 0 $(+ $x)* };
}
macro_rules! forward {
    ($($t:tt)*) => { sum_semis!($($t)*) };
}

// Brackets and braces as invocation delimiters, and a statement macro.
macro_rules! print_all {
    ($($e:expr),*) => { $(println!("{}", $e);)* };
}

fn main() {
    let a = arr![1, 2, 3,];
    let b = arr!(7u8; 4);
    let e = arr!();
    println!("{:?} {:?} {}", a, b, e.len());
    println!("{}", count!(a b (c d) [e] {f g h}));
    println!("{:?}", reverse!(1, 2, 3, 4, 5));
    let m = matrix!([1, 2, 3], [4, 5, 6], [7, 8, 9]);
    println!("{} {} {}", m[0][2], m[1][1], m[2][0]);
    println!("{:?}", row_sums!([1, 2, 3], [10, 20], []));
    println!("{} {} {} {}", scaled!(5), scaled!(5, times 3), scaled!(5, plus 2), scaled!(5, plus));
    println!("{} {}", square!(1 + 2), 2 * square!(3));
    println!("{}", max!(3, 9, 4, 8));
    println!("{} {}", sum_semis!(1; 2; 3), forward!(10; 20));
    print_all! { "x", 1 + 1, max!(1, 2) }
    print_all![true];
}
