#pragma once

#include <QtGlobal>

namespace Chainscope {

// splitmix64: tiny, fast and the same everywhere, so a seed names one exact output.
// The generators of demo evidence and of benchmark cases draw from it, never from
// the standard library's distributions, whose sequences differ between versions.
class SplitMix64
{
public:
    explicit SplitMix64(quint64 seed)
        : m_state(seed)
    {
    }
    quint64 next()
    {
        quint64 z = (m_state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    // Uniform in [lo, hi].
    qint64 between(qint64 lo, qint64 hi) { return lo + qint64(next() % quint64(hi - lo + 1)); }
    bool chance(int percent) { return between(1, 100) <= percent; }

private:
    quint64 m_state;
};

} // namespace Chainscope
