namespace MaestroQA.Client.Tests.Sync.Support;

/// <summary>A fact about Linux (its /proc, its zombies): skipped, and says so, on other systems.</summary>
internal sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "Only Linux has the /proc this fact is about.";
        }
    }
}
