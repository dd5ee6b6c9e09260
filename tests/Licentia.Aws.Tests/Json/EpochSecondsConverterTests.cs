using System.Text.Json;
using Licentia.Aws.Json;
using Licentia.Aws.LicenseManager;

namespace Licentia.Aws.Tests.Json;

public class EpochSecondsConverterTests
{
    [Theory]
    [InlineData("""{"LastRunTime":1704164645}""", 1704164645000L)]
    [InlineData("""{"LastRunTime":1704164645.678}""", 1704164645678L)]
    [InlineData("""{"LastRunTime":1.704164645678E9}""", 1704164645678L)]
    public void Reads_epoch_seconds(string json, long expectedMilliseconds)
    {
        var info = JsonSerializer.Deserialize<AutomatedDiscoveryInformation>(json, AwsJson.SerializerOptions)!;

        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(expectedMilliseconds), info.LastRunTime);
    }

    [Theory]
    [InlineData(1704164645000L, """{"LastRunTime":1704164645}""")]
    [InlineData(1704164645678L, """{"LastRunTime":1704164645.678}""")]
    [InlineData(1704164645050L, """{"LastRunTime":1704164645.05}""")]
    public void Writes_epoch_seconds_to_the_millisecond(long milliseconds, string expected)
    {
        var info = new AutomatedDiscoveryInformation { LastRunTime = DateTimeOffset.FromUnixTimeMilliseconds(milliseconds) };

        Assert.Equal(expected, JsonSerializer.Serialize(info, AwsJson.SerializerOptions));
    }

    [Fact]
    public void Round_trips_through_json()
    {
        var original = new AutomatedDiscoveryInformation { LastRunTime = new DateTimeOffset(2030, 12, 31, 23, 59, 59, 999, TimeSpan.Zero) };

        var copy = JsonSerializer.Deserialize<AutomatedDiscoveryInformation>(JsonSerializer.Serialize(original, AwsJson.SerializerOptions), AwsJson.SerializerOptions)!;

        Assert.Equal(original.LastRunTime, copy.LastRunTime);
    }

    [Theory]
    [InlineData("""{"LastRunTime":1e20}""")]
    [InlineData("""{"LastRunTime":"2024-01-01T00:00:00Z"}""")]
    public void Unreadable_timestamps_are_json_errors(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<AutomatedDiscoveryInformation>(json, AwsJson.SerializerOptions));

    [Fact]
    public void Blobs_are_base64() =>
        Assert.Equal("\"AQID\"", JsonSerializer.Serialize(new byte[] { 1, 2, 3 }, AwsJson.SerializerOptions));
}
