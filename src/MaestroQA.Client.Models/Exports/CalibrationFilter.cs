namespace MaestroQA.Client.Models;

/// <summary>Which calibration scores a raw export includes (the API's includeCalibrations).</summary>
public enum CalibrationFilter
{
    None,
    Only,
    All,
}
