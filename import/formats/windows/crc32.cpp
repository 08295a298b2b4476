#include "crc32.h"

#include <zlib.h>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define CHAINSCOPE_CRC32_CLMUL 1
#include <immintrin.h>
#endif

namespace Chainscope {

namespace {

quint32 zlibCrc32(quint32 crc, const uchar *data, qsizetype size)
{
    // zlib takes 32-bit lengths; feed it in pieces so any size works.
    while (size > 0) {
        const uInt n = uInt(std::min<qsizetype>(size, qsizetype(1) << 30));
        crc = quint32(::crc32_z(crc, data, n));
        data += n;
        size -= n;
    }
    return crc;
}

#ifdef CHAINSCOPE_CRC32_CLMUL

// The fold multipliers are derived here from the polynomial, not copied from a
// table. Folding a 128-bit block forward over `bits` bits multiplies its first
// (earlier) 64-bit half by x^(bits+64) and its second by x^bits, modulo P. In the
// reflected bit order a carry-less product comes out shifted; storing each multiplier
// as x^(bits+32) and x^(bits-32) mod P, bit-reflected in 33 bits, lands the product
// exactly on the 128-bit block it is folded into.
constexpr quint64 xPowModP(unsigned n)
{
    constexpr quint64 P = 0x104C11DB7; // x^32 + x^26 + … + 1, written highest bit first
    quint64 r = 1;
    for (unsigned i = 0; i < n; ++i) {
        r <<= 1;
        if (r & (quint64(1) << 32))
            r ^= P;
    }
    return r;
}

constexpr quint64 reflected33(quint64 v)
{
    // Bit i of a 32-bit remainder becomes bit 32 - i.
    quint64 out = 0;
    for (unsigned i = 0; i < 32; ++i) {
        if (v & (quint64(1) << i))
            out |= quint64(1) << (32 - i);
    }
    return out;
}

constexpr quint64 foldLow(unsigned bits)
{
    return reflected33(xPowModP(bits + 32));
}
constexpr quint64 foldHigh(unsigned bits)
{
    return reflected33(xPowModP(bits - 32));
}

__attribute__((target("pclmul,sse4.1"))) inline __m128i fold(__m128i block, __m128i multipliers)
{
    return _mm_xor_si128(
        _mm_clmulepi64_si128(block, multipliers, 0x00), _mm_clmulepi64_si128(block, multipliers, 0x11));
}

// Requires size >= 64. Folds everything to one 16-byte block with the same remainder,
// then lets zlib finish that block and the tail of fewer than 16 bytes.
__attribute__((target("pclmul,sse4.1"))) quint32 clmulCrc32(quint32 crc, const uchar *data, qsizetype size)
{
    const __m128i by512 = _mm_set_epi64x(qint64(foldHigh(512)), qint64(foldLow(512)));
    const __m128i by128 = _mm_set_epi64x(qint64(foldHigh(128)), qint64(foldLow(128)));
    const auto load = [](const uchar *p) {
        return _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
    };

    // The running value enters as if xored into the first four bytes; from there on
    // the fold works on a register that starts at zero.
    __m128i x0 = _mm_xor_si128(load(data), _mm_cvtsi32_si128(int(~crc)));
    __m128i x1 = load(data + 16);
    __m128i x2 = load(data + 32);
    __m128i x3 = load(data + 48);
    data += 64;
    size -= 64;
    while (size >= 64) {
        x0 = _mm_xor_si128(fold(x0, by512), load(data));
        x1 = _mm_xor_si128(fold(x1, by512), load(data + 16));
        x2 = _mm_xor_si128(fold(x2, by512), load(data + 32));
        x3 = _mm_xor_si128(fold(x3, by512), load(data + 48));
        data += 64;
        size -= 64;
    }
    __m128i x = _mm_xor_si128(fold(x0, by128), x1);
    x = _mm_xor_si128(fold(x, by128), x2);
    x = _mm_xor_si128(fold(x, by128), x3);
    while (size >= 16) {
        x = _mm_xor_si128(fold(x, by128), load(data));
        data += 16;
        size -= 16;
    }
    alignas(16) uchar last[16];
    _mm_store_si128(reinterpret_cast<__m128i *>(last), x);
    // ~0 makes zlib start from a zero register, which is where the fold left off.
    return zlibCrc32(zlibCrc32(0xffffffffu, last, 16), data, size);
}

bool hasClmul()
{
    static const bool has = __builtin_cpu_supports("pclmul") && __builtin_cpu_supports("sse4.1");
    return has;
}

#endif

} // namespace

quint32 crc32(quint32 crc, QByteArrayView data)
{
    const auto *p = reinterpret_cast<const uchar *>(data.data());
#ifdef CHAINSCOPE_CRC32_CLMUL
    if (data.size() >= 64 && hasClmul())
        return clmulCrc32(crc, p, data.size());
#endif
    return zlibCrc32(crc, p, data.size());
}

} // namespace Chainscope
