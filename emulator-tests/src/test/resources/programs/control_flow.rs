// if/else as expressions, loops with break values, labelled breaks, while, for over ranges.
fn classify(n: i32) -> &'static str {
    if n < 0 {
        "negative"
    } else if n == 0 {
        "zero"
    } else {
        "positive"
    }
}

fn main() {
    let values = [-3, 0, 5];
    for i in 0..values.len() {
        println!("{} is {}", values[i], classify(values[i]));
    }
    let mut sum = 0;
    for i in 1..=10 {
        sum += i;
    }
    println!("sum = {}", sum);
    for i in (0..5).rev() {
        print!("{} ", i);
    }
    println!();
    let mut n = 27u32;
    let mut steps = 0;
    while n != 1 {
        n = if n % 2 == 0 { n / 2 } else { 3 * n + 1 };
        steps += 1;
    }
    println!("collatz steps: {}", steps);
    let mut counter = 0;
    let found = loop {
        counter += 1;
        if counter * counter > 200 {
            break counter;
        }
    };
    println!("first square over 200: {}", found);
    let mut pairs = 0;
    'outer: for i in 0..10 {
        for j in 0..10 {
            if i + j > 12 {
                continue 'outer;
            }
            if i * j == 42 {
                break 'outer;
            }
            pairs += 1;
        }
    }
    println!("pairs = {}", pairs);
    let label_value = 'block: {
        if sum > 50 {
            break 'block 1;
        }
        2
    };
    println!("labelled block = {}", label_value);
    for i in 250u8..=255 {
        print!("{} ", i);
    }
    println!();
}
