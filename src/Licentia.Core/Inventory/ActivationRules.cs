using System.Security.Cryptography;
using System.Text;
using Licentia.Core.Identifiers;
using Licentia.Core.Inventory.Errors;
using Licentia.Core.Tagging;

namespace Licentia.Core.Inventory;

/// <summary>
/// The rules of CreateActivation and of registering with an activation: expiry defaults to 24 hours and may be
/// at most 30 days ahead; the limit defaults to 1 and lies in 1..1000; a registration needs a known, unexpired
/// activation with a free slot and the right code.
/// </summary>
public static class ActivationRules
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(24);
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(30);
    public const int DefaultRegistrationLimit = 1;
    public const int MaxRegistrationLimit = 1000;
    public const int MaxTags = 50;

    /// <summary>Activation codes: 20 characters of the base64 alphabet, about 119 bits of entropy.</summary>
    public const int CodeLength = 20;

    /// <summary>The expiry CreateActivation stores for the requested one.</summary>
    /// <exception cref="InvalidParameters">The date is not in the future or lies more than 30 days ahead.</exception>
    public static DateTimeOffset ResolveExpiry(DateTimeOffset? requested, DateTimeOffset now)
    {
        if (requested is not { } expiry)
        {
            return now + DefaultLifetime;
        }

        if (expiry <= now)
        {
            throw new InvalidParameters("ExpirationDate must be in the future.");
        }

        if (expiry > now + MaxLifetime)
        {
            throw new InvalidParameters("ExpirationDate can be at most 30 days after the activation is created.");
        }

        return expiry;
    }

    /// <exception cref="InvalidParameters">The limit is outside 1..1000.</exception>
    public static int ResolveLimit(int? requested)
    {
        var limit = requested ?? DefaultRegistrationLimit;
        return limit is < 1 or > MaxRegistrationLimit
            ? throw new InvalidParameters($"RegistrationLimit must be between 1 and {MaxRegistrationLimit}, not {limit}.")
            : limit;
    }

    /// <exception cref="InvalidParameters">The role name is empty or too long, or a tag is not valid.</exception>
    public static void Validate(CreateActivationCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (string.IsNullOrWhiteSpace(command.IamRole) || command.IamRole.Length > 64)
        {
            throw new InvalidParameters("IamRole must name an IAM role: 1 to 64 characters.");
        }

        if (command.Tags is { Count: > MaxTags })
        {
            throw new InvalidParameters($"An activation can carry at most {MaxTags} tags.");
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tag in command.Tags ?? [])
        {
            if (string.IsNullOrEmpty(tag.Key) || tag.Key.StartsWith(TagRules.ReservedPrefix, StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidParameters($"Tag key '{tag.Key}' is not valid: keys are 1 to 128 characters and may not start with 'aws:'.");
            }

            if (!keys.Add(tag.Key))
            {
                throw new InvalidParameters($"Tag key '{tag.Key}' is given more than once.");
            }
        }
    }

    public static string NewCode(IRandomSource random) => RandomText.Create(random, RandomText.SecretAlphabet, CodeLength);

    public static byte[] HashCode(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return SHA256.HashData(Encoding.UTF8.GetBytes(code));
    }

    /// <summary>Compares in constant time, so the answer's timing says nothing about the stored hash.</summary>
    public static bool CodeMatches(Activation activation, string? code)
    {
        ArgumentNullException.ThrowIfNull(activation);
        return code is not null && CryptographicOperations.FixedTimeEquals(HashCode(code), activation.CodeHash.Span);
    }

    /// <summary>
    /// Why a registration must be refused, or null when it may proceed. Unknown activation and wrong code give
    /// the same error, so a caller without the code learns nothing about which activations exist.
    /// </summary>
    public static Exception? Refusal(Activation? activation, string? code, DateTimeOffset now)
    {
        if (activation is null || !CodeMatches(activation, code))
        {
            return new InvalidActivation("The activation is not valid: it may have been deleted, or the activation id and code do not match.");
        }

        if (activation.IsExpired(now))
        {
            return new ActivationExpired($"Activation {activation.Id} expired at {activation.ExpiresAt:yyyy-MM-ddTHH:mm:ssZ}.");
        }

        return activation.IsUsedUp
            ? new RegistrationLimitExceeded($"Activation {activation.Id} has registered {activation.RegistrationsCount} of {activation.RegistrationLimit} servers.")
            : null;
    }
}

/// <summary>The members of CreateActivation.</summary>
public sealed record CreateActivationCommand
{
    public required string IamRole { get; init; }
    public string? Description { get; init; }
    public string? DefaultInstanceName { get; init; }
    public int? RegistrationLimit { get; init; }
    public DateTimeOffset? ExpirationDate { get; init; }
    public IReadOnlyList<Tag>? Tags { get; init; }
}

/// <summary>A created activation and its code: the only time the code exists in the clear.</summary>
public sealed record NewActivation(Activation Activation, string ActivationCode)
{
    public override string ToString() => $"NewActivation {{ Id = {Activation.Id}, ActivationCode = *** }}";
}
