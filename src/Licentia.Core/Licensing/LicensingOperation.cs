namespace Licentia.Core.Licensing;

/// <summary>The API operation a licensing decision is made for, and who asked (recorded with failures).</summary>
public sealed record LicensingOperation(string Name, string RequestedBy);
