using Licentia.Core.Entitlements.Grants;
using Licentia.Core.Errors;

namespace Licentia.Core.Tests.Entitlements;

public sealed class GrantTransitionsTests
{
    private static readonly DateTimeOffset T0 = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The whole machine: every move from every status, with what it must do.</summary>
    public static TheoryData<GrantTransition, GrantStatus, GrantStatus?> Moves()
    {
        var expected = new Dictionary<(GrantTransition, GrantStatus), GrantStatus>
        {
            [(GrantTransition.Accept, GrantStatus.PendingAccept)] = GrantStatus.Disabled,
            [(GrantTransition.Reject, GrantStatus.PendingAccept)] = GrantStatus.Rejected,
            [(GrantTransition.Activate, GrantStatus.Disabled)] = GrantStatus.Active,
            [(GrantTransition.Deactivate, GrantStatus.Active)] = GrantStatus.Disabled,
            [(GrantTransition.CompleteWorkflow, GrantStatus.PendingWorkflow)] = GrantStatus.WorkflowCompleted,
            [(GrantTransition.FailWorkflow, GrantStatus.PendingWorkflow)] = GrantStatus.FailedWorkflow,
        };
        foreach (var status in Enum.GetValues<GrantStatus>().Where(s => s != GrantStatus.Deleted))
        {
            expected[(GrantTransition.Delete, status)] = GrantStatus.Deleted;
        }

        var data = new TheoryData<GrantTransition, GrantStatus, GrantStatus?>();
        foreach (var transition in Enum.GetValues<GrantTransition>())
        {
            foreach (var status in Enum.GetValues<GrantStatus>())
            {
                data.Add(transition, status, expected.TryGetValue((transition, status), out var to) ? to : null);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Moves))]
    public void Each_move_goes_where_the_guide_says_or_is_refused(GrantTransition transition, GrantStatus from, GrantStatus? to)
    {
        var grant = GrantIn(from);
        if (to is { } target)
        {
            var moved = GrantTransitions.Apply(grant, transition, T0.AddHours(1), "why");
            Assert.Equal(target, moved.Status);
            Assert.Equal(2, moved.Version);
            Assert.Equal("why", moved.Latest.StatusReason);
            Assert.Same(grant.Versions[0], moved.Versions[0]);
            Assert.Equal(T0.AddHours(1), moved.Latest.CreatedAt);
        }
        else
        {
            var refused = Assert.Throws<ValidationException>(() => GrantTransitions.Apply(grant, transition, T0, null));
            Assert.Contains(GrantStatusNames.ToWire(from), refused.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_named_verbs_are_the_moves_of_the_table()
    {
        var pending = GrantIn(GrantStatus.PendingAccept);
        Assert.Equal(GrantStatus.Disabled, pending.Accept(T0).Status);
        Assert.Equal(GrantStatus.Rejected, pending.Reject(T0).Status);
        Assert.Equal(GrantStatus.Active, pending.Accept(T0).Activate(T0).Status);
        Assert.Equal(GrantStatus.Disabled, pending.Accept(T0).Activate(T0).Deactivate(T0).Status);
        Assert.Equal(GrantStatus.Deleted, pending.Delete(T0).Status);
        Assert.Equal(GrantStatus.WorkflowCompleted, GrantIn(GrantStatus.PendingWorkflow).CompleteWorkflow(T0).Status);
        Assert.Equal(GrantStatus.FailedWorkflow, GrantIn(GrantStatus.PendingWorkflow).FailWorkflow(T0).Status);
        Assert.Equal([1L, 2, 3, 4], pending.Accept(T0).Activate(T0).Deactivate(T0).Versions.Select(v => v.Number));
    }

    [Theory]
    [InlineData(GrantStatus.PendingAccept, true)]
    [InlineData(GrantStatus.Active, true)]
    [InlineData(GrantStatus.Disabled, true)]
    [InlineData(GrantStatus.PendingWorkflow, true)]
    [InlineData(GrantStatus.Rejected, false)]
    [InlineData(GrantStatus.FailedWorkflow, false)]
    [InlineData(GrantStatus.Deleted, false)]
    public void Amending_keeps_the_status_and_is_refused_in_final_statuses(GrantStatus status, bool allowed)
    {
        var grant = GrantIn(status);
        if (allowed)
        {
            var amended = grant.Amend(T0, "renamed", [GrantOperation.CheckoutLicense], "DISTRIBUTED_GRANTS_ONLY");
            Assert.Equal((status, "renamed", 2L, "DISTRIBUTED_GRANTS_ONLY"), (amended.Status, amended.Latest.Name, amended.Version, amended.Latest.ActivationOverrideBehavior));
            Assert.Equal([GrantOperation.CheckoutLicense], amended.Latest.AllowedOperations);
            Assert.True(GrantTransitions.IsLive(status));
        }
        else
        {
            Assert.Throws<ValidationException>(() => grant.Amend(T0, "renamed", null, null));
            Assert.False(GrantTransitions.IsLive(status));
        }
    }

    [Fact]
    public void Wire_names_round_trip_in_model_order()
    {
        Assert.Equal(
            ["PENDING_WORKFLOW", "PENDING_ACCEPT", "REJECTED", "ACTIVE", "FAILED_WORKFLOW", "DELETED", "PENDING_DELETE", "DISABLED", "WORKFLOW_COMPLETED"],
            Enum.GetValues<GrantStatus>().Select(GrantStatusNames.ToWire));
        Assert.All(Enum.GetValues<GrantStatus>(), s => Assert.Equal(s, GrantStatusNames.Parse(GrantStatusNames.ToWire(s))));
        Assert.Throws<InvalidParameterValueException>(() => GrantStatusNames.Parse("active"));
        Assert.All(Enum.GetValues<GrantOperation>(), o => Assert.Equal(o.ToString(), GrantOperationNames.ToWire(o)));
        Assert.Equal([GrantOperation.CreateGrant, GrantOperation.CreateToken], GrantOperationNames.ParseAll(["CreateGrant", "CreateToken", "CreateGrant"]));
        Assert.Throws<InvalidParameterValueException>(() => GrantOperationNames.ParseAll(["Checkout"]));
        Assert.Throws<InvalidParameterValueException>(() => GrantOperationNames.ParseAll([]));
    }

    internal static Grant GrantIn(GrantStatus status) => new()
    {
        Id = "g-" + new string('a', 32),
        Arn = "arn:aws:license-manager::111111111111:grant:g-" + new string('a', 32),
        AccountId = "111111111111",
        Region = "us-east-1",
        LicenseArn = "arn:aws:license-manager::111111111111:license:l-" + new string('b', 32),
        ParentArn = "arn:aws:license-manager::111111111111:license:l-" + new string('b', 32),
        GranteePrincipalArn = "arn:aws:iam::222222222222:root",
        GranteeAccountId = "222222222222",
        CreatedAt = T0,
        Versions = [new GrantVersion { Number = 1, Name = "g", Status = status, AllowedOperations = [GrantOperation.CheckoutLicense], CreatedAt = T0 }],
    };
}
