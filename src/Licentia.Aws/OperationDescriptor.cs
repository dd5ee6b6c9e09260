namespace Licentia.Aws;

/// <summary>
/// One row of a generated operation table: the operation's name, the DTO types of its input and output,
/// and the error shapes its model declares. The JSON engine binds handler methods against these rows.
/// </summary>
public sealed record OperationDescriptor(string Name, Type InputType, Type OutputType, IReadOnlyList<string> Errors);
