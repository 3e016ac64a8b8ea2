#include <stdint.h>
/* Fletcher-16 over a buffer; calls back into Rust for each block boundary. */
extern uint32_t rust_block_hook(uint32_t index, uint32_t sum);
static uint32_t table[4] = {3, 5, 7, 11};
uint32_t c_counter = 42;
uint32_t c_zeroed;

uint16_t fletcher16(const uint8_t *data, uint32_t len) {
    uint32_t a = 0, b = 0;
    for (uint32_t i = 0; i < len; i++) {
        a = (a + data[i]) % 255;
        b = (b + a) % 255;
        if ((i & 7) == 7) b = rust_block_hook(i, b) % 255;
    }
    return (uint16_t)(b << 8 | a);
}

uint32_t c_weighted(uint32_t x) {
    c_zeroed += x;
    c_counter += 1;
    return x * table[x & 3] + c_counter + c_zeroed;
}

int64_t c_mul64(int64_t a, int64_t b) { return a * b + 1; }
