using Licentia.Core.Compute.Errors;
using Licentia.Core.Compute.Instances;

namespace Licentia.Core.Tests.Compute;

public class InstanceStateMachineTests
{
    private static readonly DateTimeOffset Now = new(2025, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private static Ec2Instance In(InstanceState state) => new()
    {
        Id = "i-0123456789abcdef0",
        AccountId = "111111111111",
        Region = "us-east-1",
        ReservationId = "r-0123456789abcdef0",
        ImageId = "ami-0123456789abcdef0",
        InstanceType = "m5.large",
        State = state,
        LaunchTime = Now,
        PlatformDetails = "Linux/UNIX",
        UsageOperation = "RunInstances",
        UsageOperationUpdateTime = Now,
    };

    [Fact]
    public void Launch_stop_start_and_terminate_follow_the_documented_transitions()
    {
        var running = In(InstanceState.Pending).MarkRunning();
        Assert.Equal(InstanceState.Running, running.State);

        var stopping = running.BeginStop(Now);
        Assert.Equal(InstanceState.Stopping, stopping.State);
        Assert.StartsWith("User initiated", stopping.StateTransitionReason, StringComparison.Ordinal);
        var stopped = stopping.CompleteStop();
        Assert.Equal(InstanceState.Stopped, stopped.State);

        var pending = stopped.BeginStart(Now.AddHours(1));
        Assert.Equal(InstanceState.Pending, pending.State);
        Assert.Equal(Now.AddHours(1), pending.LaunchTime);

        var shuttingDown = pending.MarkRunning().BeginTerminate(Now);
        Assert.Equal(InstanceState.ShuttingDown, shuttingDown.State);
        Assert.Equal(InstanceState.Terminated, shuttingDown.CompleteTermination().State);
    }

    [Theory]
    [InlineData(InstanceState.Pending)]
    [InlineData(InstanceState.Running)]
    [InlineData(InstanceState.Stopping)]
    [InlineData(InstanceState.Stopped)]
    public void Every_live_state_may_terminate(InstanceState from)
    {
        Assert.Equal(InstanceState.ShuttingDown, In(from).BeginTerminate(Now).State);
    }

    [Theory]
    [InlineData(InstanceState.Terminated)]
    [InlineData(InstanceState.ShuttingDown)]
    [InlineData(InstanceState.Running)]
    [InlineData(InstanceState.Stopping)]
    public void Start_is_refused_unless_stopped(InstanceState from)
    {
        var error = Assert.Throws<IncorrectInstanceState>(() => In(from).BeginStart(Now));
        Assert.Equal("IncorrectInstanceState", error.Code);
        Assert.Contains(InstanceStateNames.ToWire(from), error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(InstanceState.Stopped)]
    [InlineData(InstanceState.Terminated)]
    [InlineData(InstanceState.ShuttingDown)]
    [InlineData(InstanceState.Pending)]
    public void Stop_is_refused_unless_running(InstanceState from)
    {
        Assert.Throws<IncorrectInstanceState>(() => In(from).BeginStop(Now));
    }

    [Fact]
    public void Terminated_is_final_and_completions_need_their_transitional_state()
    {
        Assert.Throws<IncorrectInstanceState>(() => In(InstanceState.Terminated).BeginTerminate(Now));
        Assert.Throws<IncorrectInstanceState>(() => In(InstanceState.Running).CompleteStop());
        Assert.Throws<IncorrectInstanceState>(() => In(InstanceState.Running).CompleteTermination());
        Assert.Throws<IncorrectInstanceState>(() => In(InstanceState.Running).MarkRunning());
    }

    [Fact]
    public void Placement_changes_only_while_stopped()
    {
        var placement = new Placement { Tenancy = Tenancy.Dedicated };

        Assert.Equal(Tenancy.Dedicated, In(InstanceState.Stopped).MoveTo(placement).Placement.Tenancy);
        Assert.Throws<IncorrectInstanceState>(() => In(InstanceState.Running).MoveTo(placement));
    }

    [Fact]
    public void State_codes_and_names_are_ec2s()
    {
        Assert.Equal([0, 16, 32, 48, 64, 80], Enum.GetValues<InstanceState>().Select(s => (int)s).Order());
        Assert.Equal("shutting-down", InstanceStateNames.ToWire(InstanceState.ShuttingDown));
        Assert.Equal(InstanceState.Stopped, InstanceStateNames.Parse("stopped"));
        Assert.Throws<InvalidParameterValue>(() => InstanceStateNames.Parse("sleeping"));
    }

    [Fact]
    public void Dotted_error_codes_are_explicit()
    {
        Assert.Equal("InvalidAMIID.NotFound", new InvalidAmiIdNotFound().Code);
        Assert.Equal("InvalidInstanceID.NotFound", new InvalidInstanceIdNotFound().Code);
        Assert.Equal("InvalidLaunchTemplateName.AlreadyExistsException", new InvalidLaunchTemplateNameAlreadyExists().Code);
        Assert.Equal("InvalidParameterValue", new InvalidParameterValue().Code);
        Assert.Equal(412, new DryRunOperation().HttpStatusCode);
    }
}
