using System.Text.Json;
using System.Text.Json.Serialization;

namespace Licentia.Aws.Json;

/// <summary>The System.Text.Json settings of the AWS JSON protocols, shared by the engine, tokens and fingerprints.</summary>
public static class AwsJson
{
    /// <summary>
    /// Member names exactly as declared (case-sensitive), nulls omitted on output, unknown members ignored,
    /// timestamps as epoch seconds, blobs as base64 (System.Text.Json's byte[] default), and the "NaN" /
    /// "Infinity" strings the protocol uses for non-finite doubles.
    /// </summary>
    public static JsonSerializerOptions SerializerOptions { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.General)
        {
            PropertyNamingPolicy = null,
            PropertyNameCaseInsensitive = false,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        };
        options.Converters.Add(new EpochSecondsConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
