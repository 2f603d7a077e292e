namespace MaestroQA.Client.Tests.RateLimiting;

/// <summary>Random request streams: bursts, steady trickles and Poisson-like traffic, separated by random pauses.</summary>
internal static class ArrivalPatterns
{
    /// <returns>50 to 400 arrival offsets in whole milliseconds, ascending; all durations are multiplied by <paramref name="timeScale"/>.</returns>
    public static TimeSpan[] Generate(int seed, double timeScale)
    {
        var random = new Random(seed);
        int count = random.Next(50, 401);
        var arrivals = new List<TimeSpan>(count);
        double milliseconds = 0;
        while (arrivals.Count < count)
        {
            milliseconds += random.Next(3) == 0 ? random.Next(1_000, 90_000) * timeScale : 0;
            int steadyGap = random.Next(1, 1_500);
            int meanGap = random.Next(20, 2_000);
            Func<double> nextGap = random.Next(3) switch
            {
                0 => () => 0,
                1 => () => steadyGap,
                _ => () => -meanGap * Math.Log(1 - random.NextDouble()),
            };
            for (int segment = Math.Min(random.Next(1, 80), count - arrivals.Count); segment > 0; segment--)
            {
                milliseconds += nextGap() * timeScale;
                arrivals.Add(TimeSpan.FromMilliseconds(Math.Round(milliseconds)));
            }
        }

        return [.. arrivals];
    }
}
