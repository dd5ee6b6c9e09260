using System.Security.Cryptography;
using System.Text.Json;
using Licentia.Aws.Json;

namespace Licentia.Aws.Idempotency;

/// <summary>
/// A canonical hash of a request, so the host can tell a retry ("same ClientToken, same request") from a misuse
/// ("same ClientToken, different request"). Object members are sorted, whitespace and member order do not
/// matter, and a member set to null counts as absent, as it does for AWS.
/// </summary>
public static class RequestFingerprint
{
    /// <summary>Lower-case hex SHA-256 of the canonical form of <paramref name="request"/>.</summary>
    public static string Compute(JsonElement request) => Compute(request, []);

    /// <summary>As <see cref="Compute(JsonElement)"/>, leaving out the named top-level members (e.g. NextToken).</summary>
    public static string Compute(JsonElement request, IReadOnlyCollection<string> excludedMembers)
    {
        ArgumentNullException.ThrowIfNull(excludedMembers);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteCanonical(writer, request, excludedMembers);
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
    }

    /// <summary>The fingerprint of a request DTO, serialized as it would be on the wire.</summary>
    public static string Compute<TRequest>(TRequest request, IReadOnlyCollection<string> excludedMembers) =>
        Compute(JsonSerializer.SerializeToElement(request, AwsJson.SerializerOptions), excludedMembers);

    private static void WriteCanonical(Utf8JsonWriter writer, JsonElement value, IReadOnlyCollection<string> excluded)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var member in value.EnumerateObject()
                    .Where(m => m.Value.ValueKind != JsonValueKind.Null && !excluded.Contains(m.Name))
                    .OrderBy(m => m.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(member.Name);
                    WriteCanonical(writer, member.Value, []);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in value.EnumerateArray())
                {
                    WriteCanonical(writer, item, []);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.String:
                // Re-encoding makes "\u0041" and "A" the same string.
                writer.WriteStringValue(value.GetString());
                break;
            default:
                value.WriteTo(writer);
                break;
        }
    }
}
