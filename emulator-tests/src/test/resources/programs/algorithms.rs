// Small algorithms over arrays and structs: sorting, searching, matrix product, primes, state machines.
#[derive(Clone, Copy)]
struct Item {
    key: u32,
    weight: u16,
}

fn bubble_sort(items: &mut [Item]) {
    let n = items.len();
    for i in 0..n {
        for j in 0..n - 1 - i {
            if items[j].key > items[j + 1].key {
                let tmp = items[j];
                items[j] = items[j + 1];
                items[j + 1] = tmp;
            }
        }
    }
}

fn binary_search(sorted: &[u32], target: u32) -> i32 {
    let mut lo = 0usize;
    let mut hi = sorted.len();
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if sorted[mid] == target {
            return mid as i32;
        } else if sorted[mid] < target {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    -1
}

fn matmul(a: &[[i32; 3]; 2], b: &[[i32; 2]; 3]) -> [[i32; 2]; 2] {
    let mut c = [[0; 2]; 2];
    for i in 0..2 {
        for j in 0..2 {
            let mut acc = 0;
            for k in 0..3 {
                acc += a[i][k] * b[k][j];
            }
            c[i][j] = acc;
        }
    }
    c
}

fn sieve() -> u32 {
    let mut composite = [false; 100];
    let mut count = 0;
    for i in 2..100 {
        if !composite[i] {
            count += 1;
            let mut j = i * i;
            while j < 100 {
                composite[j] = true;
                j += i;
            }
        }
    }
    count
}

#[derive(Clone, Copy, PartialEq)]
enum State {
    Idle,
    Running(u32),
    Done,
}

fn step(s: State) -> State {
    match s {
        State::Idle => State::Running(0),
        State::Running(n) if n >= 3 => State::Done,
        State::Running(n) => State::Running(n + 1),
        State::Done => State::Done,
    }
}

fn main() {
    let mut items = [
        Item { key: 42, weight: 1 },
        Item { key: 7, weight: 2 },
        Item { key: 19, weight: 3 },
        Item { key: 3, weight: 4 },
    ];
    bubble_sort(&mut items);
    for i in 0..items.len() {
        print!("{}:{} ", items[i].key, items[i].weight);
    }
    println!();
    let sorted = [1, 3, 5, 7, 9, 11];
    println!("{} {}", binary_search(&sorted, 7), binary_search(&sorted, 4));
    let c = matmul(&[[1, 2, 3], [4, 5, 6]], &[[7, 8], [9, 10], [11, 12]]);
    println!("{} {} {} {}", c[0][0], c[0][1], c[1][0], c[1][1]);
    println!("primes below 100: {}", sieve());
    let mut s = State::Idle;
    let mut steps = 0;
    loop {
        s = step(s);
        steps += 1;
        if let State::Done = s {
            break;
        }
    }
    println!("state machine finished in {} steps", steps);
}
