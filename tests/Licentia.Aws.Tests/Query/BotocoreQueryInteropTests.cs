using System.Text.Json;
using Licentia.Aws.Ec2;
using Licentia.Aws.Sts;

namespace Licentia.Aws.Tests.Query;

/// <summary>
/// Fidelity with the client nobody here wrote: botocore's own EC2 and query serializers produce the request bodies
/// the engine must read into the right DTOs, and botocore's own parsers read the engine's XML responses and errors
/// into the dicts a boto3 caller gets.
/// </summary>
public sealed class BotocoreQueryInteropTests
{
    private static readonly string Ec2Spec = Botocore.SpecPath("ec2");
    private static readonly string StsSpec = Botocore.SpecPath("sts");

    [Fact]
    public async Task Requests_botocore_serializes_become_the_right_dtos()
    {
        var bodies = await Botocore.SerializeAsync(
            (Ec2Spec, "RunInstances", new
            {
                ImageId = "ami-0abc",
                MinCount = 1,
                MaxCount = 3,
                InstanceType = "r6i.2xlarge",
                BlockDeviceMappings = new object[]
                {
                    new { DeviceName = "/dev/xvda", Ebs = new { VolumeSize = 64, VolumeType = "io2", Iops = 3000, DeleteOnTermination = false, Encrypted = true } },
                    new { DeviceName = "/dev/xvdb", VirtualName = "ephemeral0" },
                },
                TagSpecifications = new[] { new { ResourceType = "instance", Tags = new[] { new { Key = "Name", Value = "db & cache" }, new { Key = "owner", Value = "é+ü" } } } },
                LicenseSpecifications = new[] { new { LicenseConfigurationArn = "arn:aws:license-manager:eu-west-1:123456789012:license-configuration:lic-0123" } },
                Placement = new { Tenancy = "host", HostId = "h-0abc", Affinity = "host", AvailabilityZone = "eu-west-1b" },
                CpuOptions = new { CoreCount = 8, ThreadsPerCore = 1 },
                SecurityGroupIds = new[] { "sg-1", "sg-2" },
                DisableApiTermination = true,
                DryRun = false,
                ClientToken = "token-1",
            }),
            (Ec2Spec, "DescribeInstances", new
            {
                Filters = new[] { new { Name = "instance-state-name", Values = new[] { "running", "stopped" } }, new { Name = "tag:env", Values = new[] { "prod" } } },
                InstanceIds = new[] { "i-1", "i-2" },
                MaxResults = 100,
            }),
            (Ec2Spec, "DescribeHosts", new { HostIds = new[] { "h-1" }, Filter = new[] { new { Name = "state", Values = new[] { "available" } } } }),
            (StsSpec, "AssumeRoleWithWebIdentity", new
            {
                RoleArn = "arn:aws:iam::123456789012:role/ci",
                RoleSessionName = "gh-actions",
                WebIdentityToken = "eyJhbGciOi.payload.sig",
                ProviderId = "www.amazon.com",
                PolicyArns = new[] { new { arn = "arn:aws:iam::aws:policy/ReadOnlyAccess" }, new { arn = "arn:aws:iam::aws:policy/Other" } },
                Policy = """{"Version":"2012-10-17"}""",
                DurationSeconds = 7200,
            }),
            (StsSpec, "GetCallerIdentity", new { }));

        var harness = new QueryHarness();
        Assert.Equal(200, (await harness.Post("ec2", bodies[0])).StatusCode);
        var run = Assert.IsType<RunInstancesRequest>(harness.Ec2.LastRequest);
        Assert.Equal(("ami-0abc", 1, 3, "r6i.2xlarge"), (run.ImageId, run.MinCount, run.MaxCount, run.InstanceType));
        Assert.Equal(["/dev/xvda", "/dev/xvdb"], run.BlockDeviceMappings!.Select(b => b.DeviceName!));
        var ebs = run.BlockDeviceMappings![0].Ebs!;
        Assert.Equal((64, "io2", 3000, (bool?)false, (bool?)true), (ebs.VolumeSize, ebs.VolumeType, ebs.Iops, ebs.DeleteOnTermination, ebs.Encrypted));
        Assert.Equal("ephemeral0", run.BlockDeviceMappings[1].VirtualName);
        var tagSpecification = run.TagSpecifications!.Single();
        Assert.Equal("instance", tagSpecification.ResourceType);
        Assert.Equal([("Name", "db & cache"), ("owner", "é+ü")], tagSpecification.Tags!.Select(t => (t.Key!, t.Value!)));
        Assert.Equal("arn:aws:license-manager:eu-west-1:123456789012:license-configuration:lic-0123", run.LicenseSpecifications!.Single().LicenseConfigurationArn);
        Assert.Equal(("host", "h-0abc", "host", "eu-west-1b"), (run.Placement!.Tenancy, run.Placement.HostId, run.Placement.Affinity, run.Placement.AvailabilityZone));
        Assert.Equal((8, 1), (run.CpuOptions!.CoreCount, run.CpuOptions.ThreadsPerCore));
        Assert.Equal(["sg-1", "sg-2"], run.SecurityGroupIds!);
        Assert.Equal(((bool?)true, (bool?)false, "token-1"), (run.DisableApiTermination, run.DryRun, run.ClientToken));

        Assert.Equal(200, (await harness.Post("ec2", bodies[1])).StatusCode);
        var describe = Assert.IsType<DescribeInstancesRequest>(harness.Ec2.LastRequest);
        Assert.Equal([("instance-state-name", "running,stopped"), ("tag:env", "prod")], describe.Filters!.Select(f => (f.Name!, string.Join(',', f.Values!))));
        Assert.Equal(["i-1", "i-2"], describe.InstanceIds!);
        Assert.Equal(100, describe.MaxResults);

        Assert.Equal(200, (await harness.Post("ec2", bodies[2])).StatusCode);
        var hosts = Assert.IsType<DescribeHostsRequest>(harness.Ec2.LastRequest);
        Assert.Equal(["h-1"], hosts.HostIds!);
        Assert.Equal("available", hosts.Filter!.Single().Values!.Single());

        Assert.Equal(200, (await harness.Post("sts", bodies[3])).StatusCode);
        var assume = Assert.IsType<AssumeRoleWithWebIdentityRequest>(harness.Sts.LastRequest);
        Assert.Equal(("arn:aws:iam::123456789012:role/ci", "gh-actions", "eyJhbGciOi.payload.sig", "www.amazon.com", 7200),
            (assume.RoleArn, assume.RoleSessionName, assume.WebIdentityToken, assume.ProviderId, assume.DurationSeconds));
        Assert.Equal("""{"Version":"2012-10-17"}""", assume.Policy);
        Assert.Equal(["arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:iam::aws:policy/Other"], assume.PolicyArns!.Select(p => p.arn!));

        Assert.Equal(200, (await harness.Post("sts", bodies[4])).StatusCode);
    }

    [Fact]
    public async Task Demo_shapes_botocore_serializes_are_read_in_both_protocols()
    {
        var queryModel = DemoQueryService.ModelFile("query");
        var ec2Model = DemoQueryService.ModelFile("ec2");
        var parameters = new
        {
            Name = "demo",
            When = "2024-05-01T10:00:00.123456Z",
            Data = "hello",
            Labels = new Dictionary<string, string> { ["a"] = "1", ["b b"] = "2&3" },
            Items = new[] { new { Id = "one", Enabled = true }, new { Id = "two", Enabled = false } },
            Flat = new[] { "x", "y" },
            Count = 9,
            Ratio = 2.25,
            On = true,
            Color = "red",
            Inner = new { Size = 4, Tags = new[] { new { Key = "k", Value = "v" } } },
        };
        var bodies = await Botocore.SerializeAsync((queryModel, "Echo", parameters), (ec2Model, "Echo", parameters), (queryModel, "Echo", new { Name = "empty", Items = Array.Empty<object>() }));

        for (var i = 0; i < 2; i++)
        {
            var api = new DemoApi();
            var protocol = i == 0 ? "query" : "ec2";
            var harness = new QueryHarness(DemoQueryService.Binding(protocol, api));

            var response = await harness.Post(DemoQueryService.SigningName(protocol), bodies[i]);

            Assert.True(response.StatusCode == 200, $"{protocol}: {bodies[i]} -> {QueryHarness.Text(response)}");
            var request = api.LastRequest!;
            Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 0, 0, 123, TimeSpan.Zero), request.When);
            Assert.Equal("hello"u8.ToArray(), request.Data);
            Assert.Equal(new Dictionary<string, string> { ["a"] = "1", ["b b"] = "2&3" }, request.Labels);
            Assert.Equal([("one", (bool?)true), ("two", (bool?)false)], request.Items!.Select(x => (x.Id!, x.Enabled)));
            Assert.Equal(["x", "y"], request.Flat!);
            Assert.Equal((9, 2.25, true, "red"), (request.Count, request.Ratio, request.On, request.Color));
            Assert.Equal((4, "k", "v"), (request.Inner!.Size, request.Inner.Tags![0].Key, request.Inner.Tags[0].Value));
        }

        var emptyApi = new DemoApi();
        var emptyHarness = new QueryHarness(DemoQueryService.Binding("query", emptyApi));
        Assert.Equal(200, (await emptyHarness.Post("demo", bodies[2])).StatusCode);
        Assert.Empty(emptyApi.LastRequest!.Items!);
    }

    [Fact]
    public async Task Botocore_parses_our_responses_and_errors()
    {
        var harness = new QueryHarness();
        harness.Ec2.Reservation = new Reservation
        {
            ReservationId = "r-0123",
            OwnerId = "123456789012",
            Instances =
            [
                new Instance
                {
                    InstanceId = "i-0abc",
                    ImageId = "ami-0abc",
                    InstanceType = "m5.large",
                    State = new InstanceState { Code = 16, Name = "running" },
                    Placement = new Placement { AvailabilityZone = "us-east-1a", Tenancy = "host", HostId = "h-0abc" },
                    Licenses = [new LicenseConfiguration { LicenseConfigurationArn = "arn:aws:license-manager:us-east-1:123456789012:license-configuration:lic-1" }],
                    LaunchTime = new DateTimeOffset(2024, 5, 1, 10, 0, 0, 123, TimeSpan.Zero),
                    CpuOptions = new CpuOptions { CoreCount = 2, ThreadsPerCore = 2 },
                    EbsOptimized = false,
                    Tags = [new Ec2.Tag { Key = "Name", Value = "a<b>" }],
                },
            ],
        };
        harness.Ec2.Hosts = new DescribeHostsResult
        {
            Hosts =
            [
                new Host
                {
                    HostId = "h-0abc",
                    State = "available",
                    AutoPlacement = "on",
                    AvailabilityZone = "us-east-1a",
                    HostProperties = new HostProperties { Cores = 48, Sockets = 2, TotalVCpus = 96, InstanceType = "m5.metal" },
                    Instances = [new HostInstance { InstanceId = "i-0abc", InstanceType = "m5.large" }],
                    AllocationTime = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero),
                    MemberOfServiceLinkedResourceGroup = true,
                },
            ],
            NextToken = "next",
        };

        var run = await harness.Post("ec2", "Action=RunInstances&Version=2016-11-15&MinCount=1&MaxCount=1");
        var hosts = await harness.Post("ec2", "Action=DescribeHosts&Version=2016-11-15");
        var ec2Error = await harness.Post("ec2", "Action=RunInstances&Version=2016-11-15&MaxCount=1");
        var assume = await harness.Post("sts", "Action=AssumeRoleWithWebIdentity&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fweb&RoleSessionName=app&WebIdentityToken=good-token");
        var stsError = await harness.Post("sts", "Action=AssumeRoleWithWebIdentity&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fweb&RoleSessionName=app&WebIdentityToken=rejected");

        var parsed = await Botocore.ParseAsync(
            (Ec2Spec, "RunInstances", QueryHarness.Text(run), run.StatusCode),
            (Ec2Spec, "DescribeHosts", QueryHarness.Text(hosts), hosts.StatusCode),
            (Ec2Spec, "RunInstances", QueryHarness.Text(ec2Error), ec2Error.StatusCode),
            (StsSpec, "AssumeRoleWithWebIdentity", QueryHarness.Text(assume), assume.StatusCode),
            (StsSpec, "AssumeRoleWithWebIdentity", QueryHarness.Text(stsError), stsError.StatusCode));

        var reservation = parsed[0];
        Assert.Equal("r-0123", reservation.GetProperty("ReservationId").GetString());
        Assert.Equal(run.Headers["x-amzn-RequestId"], reservation.GetProperty("ResponseMetadata").GetProperty("RequestId").GetString());
        var instance = reservation.GetProperty("Instances")[0];
        AssertJson("""{"Code":16,"Name":"running"}""", instance.GetProperty("State"));
        AssertJson("""{"AvailabilityZone":"us-east-1a","HostId":"h-0abc","Tenancy":"host"}""", instance.GetProperty("Placement"));
        AssertJson("""[{"LicenseConfigurationArn":"arn:aws:license-manager:us-east-1:123456789012:license-configuration:lic-1"}]""", instance.GetProperty("Licenses"));
        AssertJson("""{"CoreCount":2,"ThreadsPerCore":2}""", instance.GetProperty("CpuOptions"));
        AssertJson("""[{"Key":"Name","Value":"a<b>"}]""", instance.GetProperty("Tags"));
        Assert.Equal("2024-05-01T10:00:00.123000Z", instance.GetProperty("LaunchTime").GetString());
        Assert.False(instance.GetProperty("EbsOptimized").GetBoolean());
        Assert.Equal("m5.large", instance.GetProperty("InstanceType").GetString());

        var host = parsed[1].GetProperty("Hosts")[0];
        Assert.Equal("next", parsed[1].GetProperty("NextToken").GetString());
        AssertJson("""{"Cores":48,"InstanceType":"m5.metal","Sockets":2,"TotalVCpus":96}""", host.GetProperty("HostProperties"));
        AssertJson("""[{"InstanceId":"i-0abc","InstanceType":"m5.large"}]""", host.GetProperty("Instances"));
        Assert.Equal("2024-01-02T03:04:05.000000Z", host.GetProperty("AllocationTime").GetString());
        Assert.True(host.GetProperty("MemberOfServiceLinkedResourceGroup").GetBoolean());
        Assert.Equal(("available", "on"), (host.GetProperty("State").GetString(), host.GetProperty("AutoPlacement").GetString()));

        var ec2Failure = parsed[2];
        Assert.Equal("MissingParameter", ec2Failure.GetProperty("Error").GetProperty("Code").GetString());
        Assert.Equal("The request must contain the parameter MinCount", ec2Failure.GetProperty("Error").GetProperty("Message").GetString());
        Assert.Equal(ec2Error.Headers["x-amzn-RequestId"], ec2Failure.GetProperty("ResponseMetadata").GetProperty("RequestId").GetString());

        var credentials = parsed[3].GetProperty("Credentials");
        Assert.Equal(("ASIAEXAMPLE", "secret/+=", "token<&>"), (credentials.GetProperty("AccessKeyId").GetString(), credentials.GetProperty("SecretAccessKey").GetString(), credentials.GetProperty("SessionToken").GetString()));
        Assert.Equal("2030-01-02T03:04:05.678000Z", credentials.GetProperty("Expiration").GetString());
        AssertJson("""{"Arn":"arn:aws:sts::123456789012:assumed-role/r/s","AssumedRoleId":"AROA:s"}""", parsed[3].GetProperty("AssumedRoleUser"));
        Assert.Equal(6, parsed[3].GetProperty("PackedPolicySize").GetInt32());
        Assert.Equal(assume.Headers["x-amzn-RequestId"], parsed[3].GetProperty("ResponseMetadata").GetProperty("RequestId").GetString());

        var stsFailure = parsed[4];
        AssertJson("""{"Code":"IDPRejectedClaim","Message":"The token was rejected.","Type":"Sender"}""", stsFailure.GetProperty("Error"));
        Assert.Equal(stsError.Headers["x-amzn-RequestId"], stsFailure.GetProperty("ResponseMetadata").GetProperty("RequestId").GetString());
    }

    [Fact]
    public async Task Botocore_parses_every_demo_shape_in_both_protocols()
    {
        var result = new EchoResult
        {
            Name = "n",
            When = new DateTimeOffset(2024, 5, 1, 10, 0, 0, 5, TimeSpan.Zero),
            Data = "hi"u8.ToArray(),
            Labels = new Dictionary<string, string> { ["k"] = "v", ["k2"] = "v2" },
            Items = [new Item { Id = "one", Enabled = true }],
            Flat = ["x", "y"],
            Count = 3,
            Ratio = 1.5,
            On = false,
            Inner = new Inner { Size = 2, Tags = [new Tag { Key = "t", Value = "u" }] },
        };
        const string Expected = """
            {"Count":3,"Data":"aGk=","Flat":["x","y"],"Inner":{"Size":2,"Tags":[{"Key":"t","Value":"u"}]},"Items":[{"Enabled":true,"Id":"one"}],
             "Labels":{"k":"v","k2":"v2"},"Name":"n","On":false,"Ratio":1.5,"When":"2024-05-01T10:00:00.005000Z"}
            """;

        foreach (var protocol in new[] { "query", "ec2" })
        {
            var harness = new QueryHarness(DemoQueryService.Binding(protocol, new DemoApi { Result = result }));
            var response = await harness.Post(DemoQueryService.SigningName(protocol), "Action=Echo&Name=demo");

            var parsed = (await Botocore.ParseAsync((DemoQueryService.ModelFile(protocol), "Echo", QueryHarness.Text(response), 200)))[0];

            var withoutMetadata = JsonSerializer.SerializeToElement(parsed.EnumerateObject().Where(p => p.Name != "ResponseMetadata").ToDictionary(p => p.Name, p => p.Value));
            AssertJson(Expected, withoutMetadata);
        }
    }

    // Compares JSON values regardless of property order.
    private static void AssertJson(string expected, JsonElement actual) =>
        Assert.Equal(Canonical(JsonDocument.Parse(expected).RootElement), Canonical(actual));

    private static string Canonical(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "{" + string.Join(",", element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => $"\"{p.Name}\":{Canonical(p.Value)}")) + "}",
        JsonValueKind.Array => "[" + string.Join(",", element.EnumerateArray().Select(Canonical)) + "]",
        _ => element.GetRawText(),
    };
}
