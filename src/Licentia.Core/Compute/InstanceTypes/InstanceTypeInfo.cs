namespace Licentia.Core.Compute.InstanceTypes;

/// <summary>The CPU facts of one instance type, as EC2 documents them.</summary>
public sealed record InstanceTypeInfo(string InstanceType, string Family, int DefaultVCpus, int DefaultCores, int DefaultThreadsPerCore);

/// <summary>One Dedicated Host of a family: its sockets, physical cores and vCPUs.</summary>
public sealed record HostFamilyInfo(string Family, int Sockets, int PhysicalCores, int TotalVCpus);
