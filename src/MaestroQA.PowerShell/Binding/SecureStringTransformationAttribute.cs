using System;
using System.Management.Automation;
using System.Security;

namespace MaestroQA.PowerShell.Binding;

/// <summary>Lets -ApiToken take a plain string too (as a runbook variable often is), turning it into a SecureString at once.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class SecureStringTransformationAttribute : ArgumentTransformationAttribute
{
    public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
    {
        object? value = PSInput.Unwrap(inputData);
        if (value is string text)
        {
            var secure = new SecureString();
            foreach (char c in text)
            {
                secure.AppendChar(c);
            }

            secure.MakeReadOnly();
            return secure;
        }

        return inputData;
    }
}
