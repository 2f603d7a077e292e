namespace MaestroQA.MockServer;

/// <summary>
/// SplitMix64: tiny, fast and identical on every platform and run, so generated files and fault
/// decisions repeat exactly from a seed (System.Random's algorithm is not a documented contract).
/// </summary>
internal sealed class DeterministicRandom(ulong seed)
{
    private ulong _state = seed;

    public void Reseed(ulong seed) => _state = seed;

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public int Next(int minInclusive, int maxExclusive) =>
        minInclusive + (int)(NextUInt64() % (ulong)(maxExclusive - minInclusive));

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(0, items.Count)];

    /// <summary>A millisecond-precision instant in [start, end).</summary>
    public DateTime Between(DateTime start, DateTime end) =>
        DateFormats.TruncateToMillisecond(start.AddTicks((long)(NextDouble() * (end - start).Ticks)));

    public string Hex(int length)
    {
        const string digits = "0123456789abcdef";
        return string.Create(length, this, static (chars, random) =>
        {
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = digits[random.Next(0, 16)];
            }
        });
    }

    /// <summary>Rounds to <paramref name="decimals"/> places, so the CSV text and the JSON number are the same value.</summary>
    public double Decimal(double minInclusive, double maxExclusive, int decimals) =>
        Math.Round(minInclusive + NextDouble() * (maxExclusive - minInclusive), decimals);

    public string? Maybe(string value, double missingRate) => Chance(missingRate) ? null : value;

    public double? Maybe(double value, double missingRate) => Chance(missingRate) ? null : value;

    public DateTime? Maybe(DateTime value, double missingRate) => Chance(missingRate) ? null : value;
}

/// <summary>FNV-1a over the parts, finished with a SplitMix round: a seed that is stable across processes (unlike string.GetHashCode).</summary>
internal readonly struct StableHash(ulong value)
{
    public ulong Value { get; } = value;

    public static StableHash Seed(long seed) => new StableHash(0xCBF29CE484222325UL).Add(seed);

    public StableHash Add(long part) => Mix(unchecked((ulong)part));

    public StableHash Add(string? part)
    {
        var hash = Value;
        foreach (var character in part ?? "\0null")
        {
            hash = (hash ^ character) * 0x100000001B3UL;
        }

        return new StableHash(hash).Mix((ulong)(part?.Length ?? -1));
    }

    private StableHash Mix(ulong part) => new(new DeterministicRandom(Value ^ part).NextUInt64());
}
