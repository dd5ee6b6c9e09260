namespace Licentia.Aws.Validation;

/// <summary>One broken constraint, phrased the way AWS services phrase it.</summary>
/// <param name="Path">Where: camel-cased member names joined by dots, list elements as "N.member" (1-based).</param>
/// <param name="Value">The offending value as text; null for a missing value.</param>
/// <param name="Constraint">The rule, e.g. "Member must not be null".</param>
/// <param name="IsSensitive">Whether the value is secret and so left out of the message.</param>
public sealed record ValidationViolation(string Path, string? Value, string Constraint, bool IsSensitive = false)
{
    public override string ToString()
    {
        var value = IsSensitive ? "Value" : Value is null ? "Value null" : $"Value '{Value}'";
        return $"{value} at '{Path}' failed to satisfy constraint: {Constraint}";
    }
}
