using System.Text.Json;
using System.Text.Json.Serialization;

namespace Licentia.Aws.Json;

/// <summary>
/// AWS JSON 1.0/1.1 timestamps: epoch seconds as a JSON number, fractional to the millisecond
/// (1700000000 or 1700000000.123). botocore and the SDKs both read and write this form.
/// </summary>
public sealed class EpochSecondsConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw new JsonException("A timestamp must be a number of seconds since the epoch.");
        }

        try
        {
            var milliseconds = reader.TryGetInt64(out var seconds)
                ? checked(seconds * 1000)
                : (long)Math.Round(reader.GetDecimal() * 1000m, MidpointRounding.AwayFromZero);
            return DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
        }
        catch (Exception e) when (e is OverflowException or FormatException or ArgumentOutOfRangeException)
        {
            throw new JsonException("The timestamp is outside the range of dates that can be represented.", e);
        }
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var milliseconds = value.ToUnixTimeMilliseconds();
        if (milliseconds % 1000 == 0)
        {
            writer.WriteNumberValue(milliseconds / 1000);
        }
        else
        {
            writer.WriteNumberValue(milliseconds / 1000m);
        }
    }
}
