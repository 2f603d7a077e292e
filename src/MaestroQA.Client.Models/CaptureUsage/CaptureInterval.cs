namespace MaestroQA.Client.Models;

public enum CaptureInterval
{
    Day,
    Week,
    Month,
}
