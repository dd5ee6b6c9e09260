using Licentia.Core.Compute.InstanceTypes;

namespace Licentia.Core.Tests.Compute;

public class InstanceTypeCatalogTests
{
    private static readonly InstanceTypeCatalog Catalog = InstanceTypeCatalog.Default;

    [Theory]
    [InlineData("t3.micro", "t3", 2, 1, 2)]
    [InlineData("m5.xlarge", "m5", 4, 2, 2)]
    [InlineData("m6i.32xlarge", "m6i", 128, 64, 2)]
    [InlineData("c5.9xlarge", "c5", 36, 18, 2)]
    [InlineData("z1d.3xlarge", "z1d", 12, 6, 2)]
    [InlineData("x2idn.16xlarge", "x2idn", 64, 32, 2)]
    public void Knows_the_default_cpu_of_common_types(string type, string family, int vcpus, int cores, int threads)
    {
        Assert.Equal(new InstanceTypeInfo(type, family, vcpus, cores, threads), Catalog.FindInstanceType(type));
    }

    [Fact]
    public void Covers_the_required_families_and_each_has_a_dedicated_host()
    {
        string[] families = ["t3", "m5", "m6i", "c5", "c6i", "r5", "r6i", "x2idn", "x2iedn", "z1d"];
        foreach (var family in families)
        {
            Assert.Contains(Catalog.InstanceTypes, t => t.Family == family);
            var host = Catalog.FindHostFamily(family);
            Assert.NotNull(host);
            Assert.True(host.Sockets >= 1 && host.PhysicalCores >= host.Sockets && host.TotalVCpus >= host.PhysicalCores);
            Assert.All(Catalog.InstanceTypes.Where(t => t.Family == family), t => Assert.True(t.DefaultVCpus <= host.TotalVCpus));
        }

        Assert.Equal(new HostFamilyInfo("m5", 2, 48, 96), Catalog.FindHostFamily("m5"));
    }

    [Fact]
    public void Every_type_is_consistent_and_unknown_ones_are_null()
    {
        Assert.All(Catalog.InstanceTypes, t => Assert.Equal(t.DefaultVCpus, t.DefaultCores * t.DefaultThreadsPerCore));
        Assert.Null(Catalog.FindInstanceType("m1.small"));
        Assert.Null(Catalog.FindHostFamily("p4d"));
        Assert.Equal("m5", InstanceTypeCatalog.FamilyOf("m5.large"));
    }

    [Fact]
    public void Refuses_inconsistent_or_duplicate_data()
    {
        Assert.Throws<InvalidOperationException>(() => new InstanceTypeCatalog([new("a.large", "a", 4, 1, 2)], []));
        Assert.Throws<InvalidOperationException>(() => new InstanceTypeCatalog([new("a.large", "a", 2, 1, 2), new("a.large", "a", 2, 1, 2)], []));
    }
}
