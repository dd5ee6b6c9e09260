namespace Licentia.Core.Accounts;

/// <summary>A tenant: every resource belongs to exactly one account (a 12-digit id).</summary>
public sealed record Account(string AccountId, string Name, DateTimeOffset CreatedAt);
