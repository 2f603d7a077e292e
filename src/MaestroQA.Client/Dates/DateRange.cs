using System;
using MaestroQA.Client.Api.Wire;
using MaestroQA.Client.Models;

namespace MaestroQA.Client.Dates;

/// <summary>The rule every ranged request keeps: its start is before its end.</summary>
public static class DateRange
{
    /// <exception cref="MaestroQAInputException">InvalidDateRange: the start is not before the end.</exception>
    public static void EnsureOrdered(DateTimeOffset start, DateTimeOffset end)
    {
        if (start >= end)
        {
            throw new MaestroQAInputException(
                InputProblem.InvalidDateRange,
                $"StartDate must be before EndDate; got {Describe(start, end)} (UTC).",
                "StartDate",
                start);
        }
    }

    /// <summary>"2024-01-01T00:00:00Z to 2024-01-08T00:00:00Z": a range as the API reads it.</summary>
    public static string Describe(DateTimeOffset start, DateTimeOffset end) => $"{ApiDateFormat.Format(start)} to {ApiDateFormat.Format(end)}";
}
