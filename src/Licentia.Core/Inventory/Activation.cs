using Licentia.Core.Tagging;

namespace Licentia.Core.Inventory;

/// <summary>
/// A hybrid activation: permission for up to <see cref="RegistrationLimit"/> servers to register as managed
/// nodes of the account and Region until <see cref="ExpiresAt"/>. The activation code is a secret shown once
/// at creation; only its SHA-256 (<see cref="CodeHash"/>) is kept.
/// </summary>
public sealed record Activation
{
    /// <summary>A lowercase UUID, as SSM writes activation ids.</summary>
    public required string Id { get; init; }

    public required string AccountId { get; init; }

    public required string Region { get; init; }

    public string Description { get; init; } = string.Empty;

    public string DefaultInstanceName { get; init; } = string.Empty;

    public required string IamRole { get; init; }

    public required int RegistrationLimit { get; init; }

    /// <summary>Servers registered with this activation so far; never decreases (deregistering does not give a slot back).</summary>
    public int RegistrationsCount { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>SHA-256 of the activation code's UTF-8 bytes.</summary>
    public required ReadOnlyMemory<byte> CodeHash { get; init; }

    public IReadOnlyList<Tag> Tags { get; init; } = [];

    public Scope Scope => new(AccountId, Region);

    /// <summary>Expired is derived from the clock: at and after <see cref="ExpiresAt"/> the activation registers nobody.</summary>
    public bool IsExpired(DateTimeOffset now) => now >= ExpiresAt;

    public bool IsUsedUp => RegistrationsCount >= RegistrationLimit;
}
