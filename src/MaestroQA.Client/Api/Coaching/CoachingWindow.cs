using MaestroQA.Client.Dates;

namespace MaestroQA.Client.Api.Coaching;

/// <summary>Window <see cref="Number"/> of <see cref="Count"/> of a coaching request: the UTC days [From, To) it asks for.</summary>
public readonly record struct CoachingWindow(int Number, int Count, DateWindow Days)
{
    public override string ToString() => $"window {Number} of {Count}, {CoachingWindows.Describe(Days)}";
}
