namespace Licentia.Aws;

/// <summary>
/// The input or output of an operation whose model declares none; it reads from and writes as <c>{}</c>,
/// so every handler method keeps the same shape: <c>Task&lt;TOut&gt; Op(TIn request, CancellationToken ct)</c>.
/// </summary>
public sealed class EmptyStructure
{
    public static EmptyStructure Instance { get; } = new();
}
