using System.Text;
using Licentia.Aws;
using Licentia.Aws.Idempotency;
using Licentia.Server.Wire;
using Licentia.Storage;
using Licentia.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Licentia.Server.Tests;

/// <summary>ClientToken records in the real store: scoped to the caller, expiring, first writer wins.</summary>
public sealed class StoredIdempotencyGuardTests : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "licentia-guard-" + Guid.NewGuid().ToString("N"));
    private readonly MovableClock _clock = new(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private ILicentiaStorage _storage = null!;
    private StoredIdempotencyGuard _guard = null!;

    public async Task InitializeAsync()
    {
        _storage = SqliteStorage.Open(_dir);
        await _storage.MigrateAsync(CancellationToken.None);
        _guard = new StoredIdempotencyGuard(_storage.Idempotency, _clock);
    }

    public async Task DisposeAsync()
    {
        await _storage.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Remembers_per_caller_until_the_lifetime_passes()
    {
        var alice = Request("111111111111", "us-east-1");
        Assert.Null(await _guard.RememberAsync(alice, "CreateGrant", "tok", Response("f1", "{\"a\":1}"), default));

        var found = await _guard.FindAsync(alice, "CreateGrant", "tok", default);
        Assert.Equal("f1", found!.RequestFingerprint);
        Assert.Equal("{\"a\":1}", Encoding.UTF8.GetString(found.Body));

        Assert.Null(await _guard.FindAsync(Request("222222222222", "us-east-1"), "CreateGrant", "tok", default));
        Assert.Null(await _guard.FindAsync(Request("111111111111", "eu-west-1"), "CreateGrant", "tok", default));
        Assert.Null(await _guard.FindAsync(alice, "CreateLicense", "tok", default));

        _clock.Advance(StoredIdempotencyGuard.Lifetime + TimeSpan.FromSeconds(1));
        Assert.Null(await _guard.FindAsync(alice, "CreateGrant", "tok", default));
    }

    [Fact]
    public async Task The_first_of_two_racing_requests_wins()
    {
        var caller = Request("111111111111", "us-east-1");
        Assert.Null(await _guard.RememberAsync(caller, "CreateGrant", "race", Response("f1", "{\"first\":true}"), default));

        var winner = await _guard.RememberAsync(caller, "CreateGrant", "race", Response("f1", "{\"second\":true}"), default);

        Assert.Equal("{\"first\":true}", Encoding.UTF8.GetString(winner!.Body));
    }

    private static RememberedResponse Response(string fingerprint, string json) => new(fingerprint, Encoding.UTF8.GetBytes(json));

    private static AwsHttpRequest Request(string account, string region)
    {
        var services = new ServiceCollection().AddScoped<CallerContext>().BuildServiceProvider().CreateScope().ServiceProvider;
        services.GetRequiredService<CallerContext>().Authenticate(account, region, "AKIAEXAMPLEEXAMPLE00");
        return new AwsHttpRequest("POST", "/", new Dictionary<string, string>(), ReadOnlyMemory<byte>.Empty) { Services = services };
    }

    private sealed class MovableClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
