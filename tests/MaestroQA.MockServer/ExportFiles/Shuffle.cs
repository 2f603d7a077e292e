namespace MaestroQA.MockServer.ExportFiles;

internal static class Shuffle
{
    /// <summary>A seeded Fisher-Yates permutation that is never the original order (for two or more items).</summary>
    public static IReadOnlyList<T> Apply<T>(IReadOnlyList<T> items, ulong seed)
    {
        var random = new DeterministicRandom(seed);
        var shuffled = items.ToArray();
        for (var i = shuffled.Length - 1; i > 0; i--)
        {
            var j = random.Next(0, i + 1);
            (shuffled[i], shuffled[j]) = (shuffled[j], shuffled[i]);
        }

        // The original order would hide the variant; rotating by one is a permutation that moves every item.
        return shuffled.Length > 1 && shuffled.SequenceEqual(items) ? [.. shuffled[1..], shuffled[0]] : shuffled;
    }
}
