using Licentia.Core.Errors;
using Licentia.Core.Tagging;

namespace Licentia.Core.Tests.LicenseConfigurations;

public class LicenseConfigurationManagerTagTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task Tags_add_and_overwrite_then_untag_removes()
    {
        var fixture = new ManagerFixture();
        var created = await fixture.CreateAsync(command: ManagerFixture.NewCommand() with { Tags = [new("env", "test"), new("team", "a")] });
        var manager = fixture.Manager;

        await manager.TagResourceAsync(ManagerFixture.Home, created.Arn, [new("env", "prod"), new("owner", "ops")], Ct);
        var afterTag = await manager.ListTagsForResourceAsync(ManagerFixture.Home, created.Arn, Ct);
        await manager.UntagResourceAsync(ManagerFixture.Home, created.Arn, ["team", "absent"], Ct);
        var afterUntag = await manager.ListTagsForResourceAsync(ManagerFixture.Home, created.Arn, Ct);

        Assert.Equal([new Tag("env", "prod"), new Tag("owner", "ops"), new Tag("team", "a")], afterTag);
        Assert.Equal([new Tag("env", "prod"), new Tag("owner", "ops")], afterUntag);
    }

    [Fact]
    public async Task A_resource_carries_at_most_the_tag_quota_across_requests()
    {
        var fixture = new ManagerFixture();
        var created = await fixture.CreateAsync(command: ManagerFixture.NewCommand() with
        {
            Tags = [.. Enumerable.Range(0, 49).Select(i => new Tag($"k{i}", "v"))],
        });

        await fixture.Manager.TagResourceAsync(ManagerFixture.Home, created.Arn, [new("k0", "overwritten"), new("k49", "v")], Ct);
        var error = await Assert.ThrowsAsync<InvalidParameterValueException>(
            () => fixture.Manager.TagResourceAsync(ManagerFixture.Home, created.Arn, [new("k50", "v")], Ct));

        Assert.Contains("more than 50 tags", error.Message, StringComparison.Ordinal);
        var tags = await fixture.Manager.ListTagsForResourceAsync(ManagerFixture.Home, created.Arn, Ct);
        Assert.Equal(50, tags.Count);
        Assert.Contains(new Tag("k0", "overwritten"), tags);
    }

    [Theory]
    [InlineData("aws:owner", "v", "reserved for AWS")]
    [InlineData("", "v", "1 to 128")]
    [InlineData("k", null, null)]
    public async Task Tag_rules_apply_to_TagResource(string key, string? value, string? expected)
    {
        var fixture = new ManagerFixture();
        var created = await fixture.CreateAsync();
        var writes = fixture.Tags.WriteCount;

        if (expected is null)
        {
            await fixture.Manager.TagResourceAsync(ManagerFixture.Home, created.Arn, [new(key, value ?? "")], Ct);
            Assert.Single(await fixture.Manager.ListTagsForResourceAsync(ManagerFixture.Home, created.Arn, Ct));
        }
        else
        {
            var error = await Assert.ThrowsAsync<InvalidParameterValueException>(
                () => fixture.Manager.TagResourceAsync(ManagerFixture.Home, created.Arn, [new(key, value ?? "")], Ct));
            Assert.Contains(expected, error.Message, StringComparison.Ordinal);
            Assert.Equal(writes, fixture.Tags.WriteCount);
        }
    }

    [Fact]
    public async Task Empty_tag_and_key_lists_are_refused()
    {
        var fixture = new ManagerFixture();
        var created = await fixture.CreateAsync();

        await Assert.ThrowsAsync<InvalidParameterValueException>(() => fixture.Manager.TagResourceAsync(ManagerFixture.Home, created.Arn, [], Ct));
        await Assert.ThrowsAsync<InvalidParameterValueException>(() => fixture.Manager.UntagResourceAsync(ManagerFixture.Home, created.Arn, [], Ct));
    }

    [Fact]
    public async Task Other_scopes_resources_and_unknown_arns_are_invisible_to_tag_operations()
    {
        var fixture = new ManagerFixture();
        var theirs = await fixture.CreateAsync(ManagerFixture.OtherAccount, ManagerFixture.NewCommand() with { Tags = [new("secret", "x")] });
        var manager = fixture.Manager;
        var home = ManagerFixture.Home;

        await Assert.ThrowsAsync<InvalidParameterValueException>(() => manager.ListTagsForResourceAsync(home, theirs.Arn, Ct));
        await Assert.ThrowsAsync<InvalidParameterValueException>(() => manager.TagResourceAsync(home, theirs.Arn, [new("k", "v")], Ct));
        await Assert.ThrowsAsync<InvalidParameterValueException>(() => manager.UntagResourceAsync(home, theirs.Arn, ["secret"], Ct));
        await Assert.ThrowsAsync<InvalidParameterValueException>(() => manager.ListTagsForResourceAsync(home, "arn:aws:ec2:us-east-1:111111111111:instance/i-1", Ct));
        await Assert.ThrowsAsync<InvalidParameterValueException>(() => manager.ListTagsForResourceAsync(home, "garbage", Ct));

        Assert.Equal([new Tag("secret", "x")], await manager.ListTagsForResourceAsync(ManagerFixture.OtherAccount, theirs.Arn, Ct));
    }
}
