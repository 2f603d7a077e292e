using System;
using System.IO;

namespace MaestroQA.Client.Models;

/// <summary>A file of an export that could not be written where asked: it exists already, or the file system refused.</summary>
public sealed class ExportFileException : IOException
{
    public ExportFileException(string path, string message, bool exists = false, Exception? innerException = null)
        : base(message, innerException)
    {
        Path = path;
        Exists = exists;
    }

    /// <summary>The one wording for a file that would be overwritten without -Force.</summary>
    public static ExportFileException AlreadyExists(string path) =>
        new(path, $"'{path}' already exists; use -Force to overwrite it.", exists: true);

    /// <summary>The file or folder the module tried to write.</summary>
    public string Path { get; }

    /// <summary>The file exists, and overwriting it was not asked for (-Force).</summary>
    public bool Exists { get; }
}
