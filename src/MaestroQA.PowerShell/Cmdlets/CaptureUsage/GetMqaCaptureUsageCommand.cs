using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using MaestroQA.Client.Models;
using MaestroQA.PowerShell.Errors;

namespace MaestroQA.PowerShell.Cmdlets.CaptureUsage;

/// <summary>
/// Screen-capture usage per agent. Group ids from the whole pipeline (e.g. groups export rows) go in one request:
/// the endpoint is a demanding one, limited to one call a second.
/// </summary>
[Cmdlet(VerbsCommon.Get, "MqaCaptureUsage")]
[OutputType(typeof(MqaCaptureUsage))]
public sealed class GetMqaCaptureUsageCommand : MqaApiCmdlet
{
    private readonly List<string> _groupIds = [];

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("GroupIds")]
    [AllowEmptyString]
    public string[] GroupId { get; set; } = [];

    [Parameter(Mandatory = true, Position = 1)]
    public CaptureInterval Interval { get; set; }

    protected override void ProcessRecord()
    {
        foreach (string id in GroupId)
        {
            if (string.IsNullOrWhiteSpace(id))
            {
                WriteError(ErrorRecords.InvalidArgument("EmptyGroupId", "A group id is empty; it was left out.", id));
            }
            else if (!_groupIds.Contains(id.Trim(), StringComparer.Ordinal))
            {
                _groupIds.Add(id.Trim());
            }
        }
    }

    protected override void EndProcessing()
    {
        if (_groupIds.Count > 0 && TryCall(token => Client.GetCaptureUsageAsync(_groupIds, Interval, token), _groupIds.ToArray(), out IReadOnlyList<MqaCaptureUsage> usage))
        {
            WriteObject(usage, enumerateCollection: true);
        }
    }
}
