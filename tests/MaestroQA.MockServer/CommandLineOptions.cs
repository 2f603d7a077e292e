using System.Globalization;

namespace MaestroQA.MockServer;

/// <summary>
/// --port N (0, the default, picks a free port), --config path.json, --parent-pid N (exit when that process dies),
/// --ignore-stdin (do not exit when stdin closes: for starting the server by hand in the background).
/// </summary>
internal sealed record CommandLineOptions(int Port, string? ConfigPath, int? ParentPid, bool IgnoreStdin)
{
    public const string Usage =
        "usage: MaestroQA.MockServer [--port N] [--config path.json] [--parent-pid N] [--ignore-stdin]";

    public static CommandLineOptions Parse(IReadOnlyList<string> args)
    {
        var options = new CommandLineOptions(0, null, null, false);
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inlineValue) = args[i].Split('=', 2) is [var key, var value] ? (key, value) : (args[i], null);
            string Value() => inlineValue ?? (++i < args.Count ? args[i] : throw new FormatException($"{name} needs a value"));
            options = name switch
            {
                "--port" => options with { Port = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--config" => options with { ConfigPath = Value() },
                "--parent-pid" => options with { ParentPid = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--ignore-stdin" => options with { IgnoreStdin = true },
                _ => throw new FormatException($"unknown argument '{args[i]}'"),
            };
        }

        return options;
    }
}
