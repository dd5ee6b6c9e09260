using Licentia.Aws.Ec2;

namespace Licentia.Aws.Tests.Query;

public class Ec2RequestTests
{
    private const string Prefix = "Action=RunInstances&Version=2016-11-15";

    [Fact]
    public async Task Nested_structures_lists_of_structures_booleans_and_enums_become_the_dto()
    {
        var harness = new QueryHarness();
        var form = Prefix
            + "&ImageId=ami-12345678&MinCount=1&MaxCount=2&InstanceType=m5.large"
            + "&BlockDeviceMapping.1.DeviceName=%2Fdev%2Fsda1&BlockDeviceMapping.1.Ebs.VolumeSize=100&BlockDeviceMapping.1.Ebs.DeleteOnTermination=true"
            + "&BlockDeviceMapping.1.Ebs.VolumeType=gp3&BlockDeviceMapping.2.DeviceName=%2Fdev%2Fsdb&BlockDeviceMapping.2.NoDevice="
            + "&Placement.Tenancy=host&Placement.HostId=h-0123&Placement.AvailabilityZone=us-east-1a"
            + "&CpuOptions.CoreCount=4&CpuOptions.ThreadsPerCore=2"
            + "&TagSpecification.1.ResourceType=instance&TagSpecification.1.Tag.1.Key=Name&TagSpecification.1.Tag.1.Value=web+server"
            + "&TagSpecification.1.Tag.2.Key=env&TagSpecification.1.Tag.2.Value=prod"
            + "&LicenseSpecification.1.LicenseConfigurationArn=arn%3Aaws%3Alicense-manager%3Aus-east-1%3A123456789012%3Alicense-configuration%3Alic-1"
            + "&SecurityGroupId.1=sg-1&SecurityGroupId.2=sg-2&DryRun=false&DisableApiTermination=true";

        var response = await harness.Post("ec2", form);

        Assert.Equal(200, response.StatusCode);
        var request = Assert.IsType<RunInstancesRequest>(harness.Ec2.LastRequest);
        Assert.Equal("ami-12345678", request.ImageId);
        Assert.Equal((1, 2), (request.MinCount, request.MaxCount));
        Assert.Equal(InstanceType.M5Large, request.InstanceType);
        Assert.Equal(2, request.BlockDeviceMappings!.Count);
        Assert.Equal("/dev/sda1", request.BlockDeviceMappings[0].DeviceName);
        Assert.Equal(100, request.BlockDeviceMappings[0].Ebs!.VolumeSize);
        Assert.True(request.BlockDeviceMappings[0].Ebs!.DeleteOnTermination);
        Assert.Equal(VolumeType.Gp3, request.BlockDeviceMappings[0].Ebs!.VolumeType);
        Assert.Equal("", request.BlockDeviceMappings[1].NoDevice);
        Assert.Equal(("host", "h-0123", "us-east-1a"), (request.Placement!.Tenancy, request.Placement.HostId, request.Placement.AvailabilityZone));
        Assert.Equal((4, 2), (request.CpuOptions!.CoreCount, request.CpuOptions.ThreadsPerCore));
        var tags = request.TagSpecifications!.Single();
        Assert.Equal("instance", tags.ResourceType);
        Assert.Equal([("Name", "web server"), ("env", "prod")], tags.Tags!.Select(t => (t.Key!, t.Value!)));
        Assert.Equal("arn:aws:license-manager:us-east-1:123456789012:license-configuration:lic-1", request.LicenseSpecifications!.Single().LicenseConfigurationArn);
        Assert.Equal(["sg-1", "sg-2"], request.SecurityGroupIds!);
        Assert.False(request.DryRun);
        Assert.True(request.DisableApiTermination);
    }

    [Fact]
    public async Task List_indexes_are_read_in_numeric_order()
    {
        var harness = new QueryHarness();

        await harness.Post("ec2", "Action=DescribeInstances&Version=2016-11-15&InstanceId.10=i-10&InstanceId.2=i-2&InstanceId.1=i-1"
            + "&Filter.1.Name=tag%3Aenv&Filter.1.Value.1=prod&Filter.1.Value.2=dev&MaxResults=50");

        var request = Assert.IsType<DescribeInstancesRequest>(harness.Ec2.LastRequest);
        Assert.Equal(["i-1", "i-2", "i-10"], request.InstanceIds!);
        var filter = request.Filters!.Single();
        Assert.Equal("tag:env", filter.Name);
        Assert.Equal(["prod", "dev"], filter.Values!);
        Assert.Equal(50, request.MaxResults);
    }

    [Fact]
    public async Task Get_requests_carry_the_parameters_in_the_query_string()
    {
        var harness = new QueryHarness();

        var response = await harness.Get("ec2", "Action=DescribeHosts&Version=2016-11-15&HostId.1=h-1&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=abc");

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(["h-1"], Assert.IsType<DescribeHostsRequest>(harness.Ec2.LastRequest).HostIds!);
    }

    [Fact]
    public async Task A_missing_required_parameter_is_MissingParameter()
    {
        var harness = new QueryHarness();

        var response = await harness.Post("ec2", Prefix + "&ImageId=ami-1&MaxCount=1");

        Assert.Equal(400, response.StatusCode);
        Assert.Equal(("MissingParameter", "The request must contain the parameter MinCount"), QueryHarness.Ec2Error(response));
        Assert.Null(harness.Ec2.LastRequest);
    }

    [Fact]
    public async Task A_missing_required_parameter_in_a_list_element_is_named_by_its_wire_path()
    {
        var harness = new QueryHarness();

        var response = await harness.Post("ec2", "Action=TerminateInstances&Version=2016-11-15");

        Assert.Equal(("MissingParameter", "The request must contain the parameter InstanceId"), QueryHarness.Ec2Error(response));
    }

    [Fact]
    public async Task An_unknown_parameter_is_UnknownParameter()
    {
        var harness = new QueryHarness();

        var response = await harness.Post("ec2", Prefix + "&MinCount=1&MaxCount=1&Bogus=1&Placement.Nope=x");

        Assert.Equal(400, response.StatusCode);
        Assert.Equal(("UnknownParameter", "The parameter Bogus is not recognized"), QueryHarness.Ec2Error(response));
    }

    [Fact]
    public async Task Member_names_are_wire_names_not_model_names()
    {
        var harness = new QueryHarness();

        // The model member is BlockDeviceMappings; its wire name is BlockDeviceMapping.
        var response = await harness.Post("ec2", Prefix + "&MinCount=1&MaxCount=1&BlockDeviceMappings.1.DeviceName=x");

        Assert.Equal(("UnknownParameter", "The parameter BlockDeviceMappings.1.DeviceName is not recognized"), QueryHarness.Ec2Error(response));
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_is_InvalidParameterValue()
    {
        var harness = new QueryHarness();

        var response = await harness.Post("ec2", Prefix + "&MinCount=one&MaxCount=1");

        var (code, message) = QueryHarness.Ec2Error(response);
        Assert.Equal("InvalidParameterValue", code);
        Assert.Equal("Value (one) for parameter MinCount is invalid. Expected an integer.", message);
    }

    [Theory]
    [InlineData("&DryRun=maybe", "Value (maybe) for parameter DryRun is invalid. Expected a boolean (true or false).")]
    [InlineData("&InstanceType=t9.huge", "Value (t9.huge) for parameter InstanceType is invalid.")]
    [InlineData("&BlockDeviceMapping.1.Ebs.VolumeType=floppy", "Value (floppy) for parameter BlockDeviceMapping.1.Ebs.VolumeType is invalid.")]
    public async Task Constraint_violations_are_InvalidParameterValue_naming_the_wire_path(string extra, string expected)
    {
        var harness = new QueryHarness();

        var response = await harness.Post("ec2", Prefix + "&MinCount=1&MaxCount=1" + extra);

        Assert.Equal(400, response.StatusCode);
        Assert.Equal(("InvalidParameterValue", expected), QueryHarness.Ec2Error(response));
    }

    [Fact]
    public async Task An_unknown_action_is_InvalidAction()
    {
        var harness = new QueryHarness();

        var response = await harness.Post("ec2", "Action=LaunchMissiles&Version=2016-11-15");

        Assert.Equal(400, response.StatusCode);
        Assert.Equal(("InvalidAction", "The action LaunchMissiles is not valid for this web service."), QueryHarness.Ec2Error(response));
    }

    [Fact]
    public async Task A_request_without_action_is_MissingAction()
    {
        var harness = new QueryHarness();

        var response = await harness.Post("ec2", "Version=2016-11-15&MinCount=1");

        Assert.Equal("MissingAction", QueryHarness.Ec2Error(response).Code);
    }

    [Fact]
    public async Task An_operation_without_handler_answers_501_in_the_ec2_format()
    {
        var harness = new QueryHarness();

        var response = await harness.Post("ec2", "Action=AllocateHosts&Version=2016-11-15&AvailabilityZone=us-east-1a&Quantity=1");

        Assert.Equal(501, response.StatusCode);
        Assert.Equal("NotImplemented", QueryHarness.Ec2Error(response).Code);
    }

    [Fact]
    public async Task Domain_errors_keep_their_code_and_unexpected_ones_become_InternalError_500()
    {
        var harness = new QueryHarness();

        var notFound = await harness.Post("ec2", "Action=TerminateInstances&Version=2016-11-15&InstanceId.1=i-404");
        var fault = await harness.Post("ec2", "Action=StopInstances&Version=2016-11-15&InstanceId.1=i-1");

        Assert.Equal(400, notFound.StatusCode);
        Assert.Equal(("InvalidInstanceID.NotFound", "The instance ID 'i-404' does not exist"), QueryHarness.Ec2Error(notFound));
        Assert.Equal(500, fault.StatusCode);
        var (code, message) = QueryHarness.Ec2Error(fault);
        Assert.Equal("InternalError", code);
        Assert.DoesNotContain("secret", message, StringComparison.Ordinal);
        Assert.Equal("ec2:StopInstances", Assert.Single(harness.Reported).Target);
    }

    [Fact]
    public async Task Unknown_services_and_methods_are_answered_not_thrown()
    {
        var harness = new QueryHarness();

        var unknownService = await harness.Post("iam", "Action=ListUsers&Version=2010-05-08");
        var put = await harness.Engine.HandleAsync(new AwsHttpRequest("PUT", "/", new Dictionary<string, string>(), default), "ec2");

        Assert.Equal(400, unknownService.StatusCode);
        Assert.Equal("InvalidAction", QueryHarness.QueryError(unknownService).Code);
        Assert.Equal(405, put.StatusCode);
    }

    [Fact]
    public async Task Garbage_input_never_becomes_a_500()
    {
        var harness = new QueryHarness();
        string[] forms =
        [
            "", "&&&", "Action", "Action=", "Action=RunInstances&MinCount=%ZZ&MaxCount=1", "Action=RunInstances&MinCount=1&MaxCount=1&BlockDeviceMapping=x",
            "Action=RunInstances&MinCount=1&MaxCount=1&BlockDeviceMapping.x.DeviceName=a", "Action=RunInstances&MinCount.1=1&MaxCount=1",
            "Action=RunInstances&MinCount=99999999999999999999&MaxCount=1", "Action=DescribeInstances&Filter.1.Value=x",
            "Action=RunInstances&MinCount=1&MaxCount=1&Placement=x", "Action=DescribeInstances&InstanceId.0=i&InstanceId.-1=i",
        ];

        foreach (var form in forms)
        {
            var response = await harness.Post("ec2", form);
            Assert.True(response.StatusCode is >= 400 and < 500, $"{form}: {response.StatusCode} {QueryHarness.Text(response)}");
        }

        Assert.Empty(harness.Reported);
    }
}
