namespace Licentia.Aws.Validation;

/// <summary>
/// The outcome of validating a request body. A JSON type mismatch stops at the first one (AWS fails to
/// deserialize before it validates, with a SerializationException); constraint violations are all collected.
/// </summary>
public sealed class ValidationResult
{
    internal ValidationResult(string? serializationError, IReadOnlyList<ValidationViolation> violations)
    {
        SerializationError = serializationError;
        Violations = violations;
    }

    /// <summary>The first JSON type mismatch, or null.</summary>
    public string? SerializationError { get; }

    public IReadOnlyList<ValidationViolation> Violations { get; }

    public bool IsValid => SerializationError is null && Violations.Count == 0;

    /// <summary>"1 validation error detected: ..." or "N validation errors detected: ...; ...".</summary>
    public string Message => Violations.Count switch
    {
        0 => "",
        1 => $"1 validation error detected: {Violations[0]}",
        var n => $"{n} validation errors detected: {string.Join("; ", Violations)}",
    };
}
