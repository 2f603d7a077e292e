using System.IO.Compression;

namespace MaestroQA.Client.Tests.Exports;

/// <summary>A directory of its own for one test's files, deleted afterwards.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "mqa-exports-" + Guid.NewGuid().ToString("N"));

    public string Write(string fileName, string content)
    {
        string path = System.IO.Path.Combine(Path, fileName);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>A zip of the entries, named exactly as given; a name ending in '/' is a folder entry, with no content.</summary>
    public string WriteZip(string fileName, params (string Name, string Content)[] entries)
    {
        string path = System.IO.Path.Combine(Path, fileName);
        using (FileStream file = File.Create(path))
        {
            WriteZip(file, entries);
        }

        return path;
    }

    /// <summary>The same zip, written to <paramref name="destination"/>, which stays open.</summary>
    public static void WriteZip(Stream destination, params (string Name, string Content)[] entries)
    {
        using var zip = new ZipArchive(destination, ZipArchiveMode.Create, leaveOpen: true);
        foreach ((string name, string content) in entries)
        {
            ZipArchiveEntry entry = zip.CreateEntry(name, CompressionLevel.Optimal);
            if (!name.EndsWith('/'))
            {
                using var writer = new StreamWriter(entry.Open());
                writer.Write(content);
            }
        }
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
