#pragma once

#include <QtGlobal>
#include <algorithm>
#include <initializer_list>
#include <vector>

namespace HallDesk {

// The demo's only source of randomness: xoshiro256** seeded through SplitMix64, with its own bounded and weighted
// draws. std::mt19937 with the std:: distributions would not give the same store with another standard library;
// this gives the same store for the same seed everywhere.
class DemoRandom final
{
public:
    explicit DemoRandom(quint64 seed)
    {
        for (quint64& word : m_state) {
            seed += 0x9E3779B97F4A7C15ULL;
            quint64 z = seed;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
            word = z ^ (z >> 31);
        }
    }

    quint64 next()
    {
        const quint64 result = rotl(m_state[1] * 5, 7) * 9;
        const quint64 shifted = m_state[1] << 17;
        m_state[2] ^= m_state[0];
        m_state[3] ^= m_state[1];
        m_state[1] ^= m_state[2];
        m_state[0] ^= m_state[3];
        m_state[2] ^= shifted;
        m_state[3] = rotl(m_state[3], 45);
        return result;
    }

    // Uniform in [0, bound); bound > 0.
    quint32 below(quint32 bound) { return quint32(((next() >> 32) * bound) >> 32); }

    // Uniform in [low, high].
    qint64 between(qint64 low, qint64 high) { return low + qint64((next() >> 11) % quint64(high - low + 1)); }

    // True with a probability given in parts per 10,000.
    bool chance(quint32 perTenThousand) { return below(10000) < perTenThousand; }

    template <typename T> const T& element(const T* items, qsizetype count) { return items[below(quint32(count))]; }

    // Picks an index with a probability proportional to its weight; a zero weight is never picked.
    class Weights final
    {
    public:
        Weights() = default;
        Weights(std::initializer_list<quint32> weights)
        {
            for (const quint32 weight : weights) {
                add(weight);
            }
        }

        void add(quint32 weight)
        {
            m_total += weight;
            m_cumulative.push_back(m_total);
        }

        int pick(DemoRandom& random) const
        {
            const quint32 draw = random.below(m_total);
            return int(std::upper_bound(m_cumulative.begin(), m_cumulative.end(), draw) - m_cumulative.begin());
        }

    private:
        std::vector<quint32> m_cumulative;
        quint32 m_total = 0;
    };

private:
    static quint64 rotl(quint64 value, int bits) { return (value << bits) | (value >> (64 - bits)); }

    quint64 m_state[4] = {};
};

} // namespace HallDesk
