using System.Numerics;

namespace Migrate.Samples;

/// <summary>
/// xoshiro256** seeded through SplitMix64: fast, and the sequence depends only on (seed, stream) —
/// not on the runtime's <see cref="Random"/> implementation — so samples stay byte-identical across
/// .NET versions and platforms.
/// </summary>
internal sealed class SampleRandom
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    public SampleRandom(int seed, ulong stream)
    {
        ulong x = unchecked((ulong)(uint)seed ^ (stream * 0xD1B54A32D192ED03UL));
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    public ulong NextUInt64()
    {
        unchecked
        {
            ulong result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
            ulong t = _s1 << 17;
            _s2 ^= _s0;
            _s3 ^= _s1;
            _s1 ^= _s2;
            _s0 ^= _s3;
            _s2 ^= t;
            _s3 = BitOperations.RotateLeft(_s3, 45);
            return result;
        }
    }

    /// <summary>0 ≤ result &lt; n (n &gt; 0).</summary>
    public int Next(int n) => (int)(((NextUInt64() >> 32) * (uint)n) >> 32);

    /// <summary>lo ≤ result &lt; hiExclusive.</summary>
    public int Next(int lo, int hiExclusive) => lo + Next(hiExclusive - lo);

    /// <summary>lo ≤ result ≤ hi.</summary>
    public int Between(int lo, int hi) => lo + Next(hi - lo + 1);

    /// <summary>0 ≤ result &lt; n (n &gt; 0); the modulo bias is irrelevant for sample data.</summary>
    public long NextLong(long n) => (long)(NextUInt64() % (ulong)n);

    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double p) => NextDouble() < p;

    /// <summary>An index skewed towards the start of a list (common names first).</summary>
    public int Skewed(int n) => Math.Min(Next(n), Next(n));

    private static ulong SplitMix(ref ulong x)
    {
        unchecked
        {
            x += 0x9E3779B97F4A7C15UL;
            ulong z = x;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
