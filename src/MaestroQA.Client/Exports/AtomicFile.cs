using System;
using System.IO;

namespace MaestroQA.Client.Exports;

/// <summary>
/// A file that appears whole or not at all: its bytes go to a temporary file in the target's folder (or, for files a
/// sync assembles, its work folder on the same volume), flushed to disk, and only then renamed over the target in one
/// step. A reader sees the old file or the new one, never half of either and never none; a crash leaves at most a
/// temporary file, which is deleted when the write is abandoned. Saved exports, synced tables, the sync state and
/// its lock are all written so.
/// </summary>
internal sealed class AtomicFile : IDisposable
{
    private FileStream? _stream;
    private bool _committed;

    private AtomicFile(string temporaryPath, bool open = true)
    {
        TemporaryPath = temporaryPath;
        _stream = open ? new FileStream(temporaryPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None) : null;
    }

    /// <summary>Where the bytes are until <see cref="Commit"/>: hidden (a leading dot), unique, in <c>folder</c>.</summary>
    public string TemporaryPath { get; }

    /// <summary>The temporary file, open for writing until <see cref="Close"/> or <see cref="Commit"/>.</summary>
    public FileStream Stream => _stream ?? throw new InvalidOperationException($"'{TemporaryPath}' is closed.");

    /// <summary>Starts a file in <paramref name="folder"/>; <paramref name="name"/> (a file name, or a hint) makes its temporary name readable.</summary>
    public static AtomicFile Create(string folder, string name) => new(TemporaryPathFor(folder, name));

    /// <summary>
    /// Takes over a file already written whole and flushed (a download), closed and ready to commit, by renaming it
    /// into a temporary name in <paramref name="folder"/> (same volume): its bytes are not copied.
    /// </summary>
    public static AtomicFile Adopt(string finished, string folder, string name)
    {
        var file = new AtomicFile(TemporaryPathFor(folder, name), open: false);
        File.Move(finished, file.TemporaryPath);
        return file;
    }

    /// <summary>
    /// Writes <paramref name="bytes"/> as <paramref name="target"/> in one step. Without <paramref name="overwrite"/>,
    /// an existing target is an IOException and stays as it was.
    /// </summary>
    /// <param name="through">Wraps the stream the bytes are written through (tests inject a failure mid-write with it).</param>
    public static void WriteAllBytes(string target, byte[] bytes, bool overwrite, Func<Stream, Stream>? through = null)
    {
        string full = Path.GetFullPath(target);
        using AtomicFile file = Create(Path.GetDirectoryName(full)!, Path.GetFileName(full));
        Stream writer = through is null ? file.Stream : through(file.Stream);
        writer.Write(bytes, 0, bytes.Length);
        writer.Flush();
        file.Commit(full, overwrite);
    }

    /// <summary>Flushes the bytes to disk and closes the file, so it can be read before it is committed.</summary>
    public void Close()
    {
        if (_stream is FileStream stream)
        {
            stream.Flush(flushToDisk: true);
            stream.Dispose();
            _stream = null;
        }
    }

    /// <summary>Renames the finished file over <paramref name="target"/> (same volume), or beside none when there is none.</summary>
    public void Commit(string target, bool overwrite)
    {
        Close();
        if (overwrite)
        {
            Replace(TemporaryPath, target);
        }
        else
        {
            // Fails when the target exists, whoever renamed theirs in first.
            File.Move(TemporaryPath, target);
        }

        _committed = true;
    }

    /// <summary>Abandons the write unless it was committed: the temporary file is deleted.</summary>
    public void Dispose()
    {
        _stream?.Dispose();
        _stream = null;
        if (!_committed && File.Exists(TemporaryPath))
        {
            File.Delete(TemporaryPath);
        }
    }

    private static string TemporaryPathFor(string folder, string name) =>
        Path.Combine(folder, $"{(name.StartsWith(".", StringComparison.Ordinal) ? string.Empty : ".")}{name}.{Guid.NewGuid():N}.tmp");

    private static void Replace(string finished, string target)
    {
#if NET
        File.Move(finished, target, overwrite: true);
#else
        // .NET Framework's File.Move cannot overwrite; File.Replace swaps in one step where a delete-then-move would
        // leave a moment with no file at all.
        if (File.Exists(target))
        {
            File.Replace(finished, target, destinationBackupFileName: null);
        }
        else
        {
            File.Move(finished, target);
        }
#endif
    }
}
