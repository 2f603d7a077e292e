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

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
