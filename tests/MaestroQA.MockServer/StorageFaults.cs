namespace MaestroQA.MockServer;

/// <summary>The download faults that start sending the file and then fail: they act after the file is known.</summary>
internal static class StorageFaults
{
    /// <summary>How much of the file a stall sends before it goes silent.</summary>
    private const int StallBytes = 16;

    /// <summary>Promises the whole file in Content-Length, sends half, then drops the connection.</summary>
    public static async Task SendTruncatedAsync(HttpContext context, string path, string contentType)
    {
        await using var file = File.OpenRead(path);
        await SendStartAsync(context, file, contentType, Math.Max(1, file.Length / 2));
        context.Abort();
    }

    /// <summary>
    /// Promises the whole file, sends a few bytes, then nothing while holding the connection for hangMs (the client may
    /// leave first), then drops it.
    /// </summary>
    public static async Task SendStalledAsync(HttpContext context, string path, string contentType, int hangMs)
    {
        await using (var file = File.OpenRead(path))
        {
            await SendStartAsync(context, file, contentType, Math.Min(StallBytes, file.Length));
        }

        RequestRecord record = RequestLog.Of(context);
        try
        {
            await Task.Delay(hangMs, context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            record.EndedBy = "client";
            throw;
        }

        record.EndedBy = "server";
        context.Abort();
    }

    private static async Task SendStartAsync(HttpContext context, FileStream file, string contentType, long bytes)
    {
        context.Response.ContentType = contentType;
        context.Response.ContentLength = file.Length;
        var buffer = new byte[1 << 16];
        for (var remaining = bytes; remaining > 0;)
        {
            var read = await file.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, remaining)), context.RequestAborted);
            if (read == 0)
            {
                break;
            }

            await context.Response.Body.WriteAsync(buffer.AsMemory(0, read), context.RequestAborted);
            remaining -= read;
        }

        await context.Response.Body.FlushAsync(context.RequestAborted);
    }
}
