using System;
using System.IO;
using MaestroQA.Client.Models;

namespace MaestroQA.Client.Exports;

/// <summary>Runs a step on the file system; its failure (a read-only folder, a path through a file) names the path.</summary>
internal static class FileStep
{
    /// <exception cref="ExportFileException">The step failed with an I/O or access error.</exception>
    public static T Run<T>(string path, Func<T> step)
    {
        try
        {
            return step();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException && ex is not ExportFileException)
        {
            throw new ExportFileException(path, $"Cannot write '{path}': {ex.Message}", innerException: ex);
        }
    }

    public static void Run(string path, Action step) => Run(path, () =>
    {
        step();
        return true;
    });
}
