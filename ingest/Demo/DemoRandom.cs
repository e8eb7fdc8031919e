namespace Analytics.Ingest.Demo;

/// <summary>
/// xoshiro256** seeded through SplitMix64. Our own generator rather than System.Random so that the
/// demo files stay byte-identical across .NET versions, not only across runs.
/// </summary>
internal sealed class DemoRandom
{
    private ulong _s0, _s1, _s2, _s3;

    public DemoRandom(ulong seed)
    {
        _s0 = SplitMix(ref seed); _s1 = SplitMix(ref seed); _s2 = SplitMix(ref seed); _s3 = SplitMix(ref seed);
    }

    /// <summary>An independent stream per purpose: the same name always yields the same stream.</summary>
    public static DemoRandom For(string purpose, ulong seed = DemoGenerator.Seed)
    {
        ulong hash = 14695981039346656037UL; // FNV-1a: string.GetHashCode is randomised per process
        foreach (var c in purpose) { hash ^= c; hash *= 1099511628211UL; }
        return new DemoRandom(seed ^ hash);
    }

    private static ulong SplitMix(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public ulong NextUInt64()
    {
        ulong result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0; _s3 ^= _s1; _s1 ^= _s2; _s0 ^= _s3; _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, maxExclusive).</summary>
    public int Next(int maxExclusive) => (int)(NextDouble() * maxExclusive);

    /// <summary>Uniform integer in [min, maxInclusive].</summary>
    public int Between(int min, int maxInclusive) => min + Next(maxInclusive - min + 1);

    public double Between(double min, double max) => min + NextDouble() * (max - min);

    public bool Chance(double probability) => NextDouble() < probability;

    /// <summary>Standard normal by Box–Muller.</summary>
    public double Normal()
    {
        double u1 = 1.0 - NextDouble();
        double u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Log-normal with the given median: right-skewed like real wage distributions.</summary>
    public double LogNormal(double median, double sigma) => median * Math.Exp(sigma * Normal());

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>Geometric-like count >= 1 with the given mean: most postings want one or two people, a few want many.</summary>
    public int Count(double mean, int max)
    {
        double p = 1.0 / mean;
        int n = 1 + (int)Math.Floor(Math.Log(1.0 - NextDouble()) / Math.Log(1.0 - p));
        return Math.Min(n, max);
    }

    /// <summary>Fisher–Yates shuffle of a copy.</summary>
    public T[] Shuffled<T>(IEnumerable<T> items)
    {
        var array = items.ToArray();
        for (int i = array.Length - 1; i > 0; i--)
        {
            int j = Next(i + 1);
            (array[i], array[j]) = (array[j], array[i]);
        }
        return array;
    }
}

/// <summary>Draws items with given relative weights (cumulative table + binary search).</summary>
internal sealed class WeightedChoice<T>
{
    private readonly T[] _items;
    private readonly double[] _cumulative;

    public WeightedChoice(IEnumerable<(T Item, double Weight)> weighted)
    {
        var list = weighted.Where(w => w.Weight > 0).ToList();
        _items = list.Select(w => w.Item).ToArray();
        _cumulative = new double[list.Count];
        double sum = 0;
        for (int i = 0; i < list.Count; i++) _cumulative[i] = sum += list[i].Weight;
    }

    public T Next(DemoRandom random)
    {
        double x = random.NextDouble() * _cumulative[^1];
        int index = Array.BinarySearch(_cumulative, x);
        if (index < 0) index = ~index;
        return _items[Math.Min(index, _items.Length - 1)];
    }
}
