// sort: recursive quicksort (median-of-three, Hoare-style partition) that hands
// small partitions to insertion sort, then binary searches on the result.

const LEN: usize = 300;

fn insertion_sort(a: &mut [u32], lo: usize, hi: usize) {
    for i in lo + 1..hi + 1 {
        let v = a[i];
        let mut j = i;
        while j > lo && a[j - 1] > v {
            a[j] = a[j - 1];
            j -= 1;
        }
        a[j] = v;
    }
}

fn swap(a: &mut [u32], i: usize, j: usize) {
    let t = a[i];
    a[i] = a[j];
    a[j] = t;
}

fn quicksort(a: &mut [u32], lo: usize, hi: usize) {
    if hi - lo < 10 {
        insertion_sort(a, lo, hi);
        return;
    }
    let mid = lo + (hi - lo) / 2;
    if a[mid] < a[lo] { swap(a, mid, lo); }
    if a[hi] < a[lo] { swap(a, hi, lo); }
    if a[hi] < a[mid] { swap(a, hi, mid); }
    let pivot = a[mid];
    let mut i = lo;
    let mut j = hi;
    while i <= j {
        while a[i] < pivot { i += 1; }
        while a[j] > pivot { j -= 1; }
        if i <= j {
            swap(a, i, j);
            i += 1;
            j -= 1;
        }
    }
    if lo < j { quicksort(a, lo, j); }
    if i < hi { quicksort(a, i, hi); }
}

// index of the first element >= key (n if none)
fn lower_bound(a: &[u32], n: usize, key: u32) -> usize {
    let mut lo = 0;
    let mut hi = n;
    while lo < hi {
        let mid = (lo + hi) / 2;
        if a[mid] < key { lo = mid + 1; } else { hi = mid; }
    }
    lo
}

#[no_mangle]
pub extern "C" fn run() -> u32 {
    let mut a = [0u32; LEN];
    let mut x: u32 = 12345;
    for i in 0..LEN {
        x ^= x << 13; x ^= x >> 17; x ^= x << 5;
        a[i] = x % 10000;
    }
    quicksort(&mut a, 0, LEN - 1);
    let mut acc: u32 = 0;
    for i in 1..LEN {
        if a[i - 1] > a[i] { acc |= 0x80000000; }
    }
    for k in 0..64 {
        let key = k * 157;
        let p = lower_bound(&a, LEN, key);
        acc = acc.wrapping_mul(7).wrapping_add(p as u32);
        if p < LEN && a[p] == key { acc ^= 0x10000; }
    }
    acc
}

fn main() {
    println!("{:#010x}", run());
}
