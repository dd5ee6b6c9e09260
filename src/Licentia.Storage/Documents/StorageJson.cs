using System.Text.Json;
using System.Text.Json.Serialization;
using Licentia.Storage.Db;

namespace Licentia.Storage.Documents;

/// <summary>
/// The serializer settings of stored documents. Private to Storage on purpose: the stored format
/// belongs to the schema, not to Core types (which carry no JSON attributes) or the wire.
/// </summary>
internal static class StorageJson
{
    public static readonly JsonSerializerOptions Options = CreateOptions();

    public static string Serialize<T>(T document) => JsonSerializer.Serialize(document, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidOperationException($"Stored {typeof(T).Name} is null.");

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new UtcMicrosecondConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>Writes instants as UTC ISO-8601 at the resolution every column keeps (see <see cref="StoredTime"/>).</summary>
    private sealed class UtcMicrosecondConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.GetDateTimeOffset().ToUniversalTime();

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(StoredTime.Normalize(value));
    }
}
