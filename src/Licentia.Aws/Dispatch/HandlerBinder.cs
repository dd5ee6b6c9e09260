using System.Reflection;
using Licentia.Aws.Model;

namespace Licentia.Aws.Dispatch;

/// <summary>
/// Binds the public methods of a handler class to the operations of a model, once, at start-up: a method named
/// after an operation must be <c>public Task&lt;TOutput&gt; Op(TInput request, CancellationToken ct)</c> with the
/// generated DTO types, or binding fails. Every protocol engine binds its handlers through this.
/// </summary>
internal static class HandlerBinder
{
    /// <exception cref="InvalidOperationException">The table does not match the model, or a method has the wrong signature.</exception>
    public static Dictionary<string, OperationInvoker> Bind(Type handlerType, ServiceModel model, IReadOnlyList<OperationDescriptor> operations)
    {
        var table = CheckTable(model, operations);
        var methods = handlerType
            .GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.DeclaringType != typeof(object) && table.ContainsKey(m.Name))
            .GroupBy(m => m.Name, StringComparer.Ordinal);

        var invokers = new Dictionary<string, OperationInvoker>(StringComparer.Ordinal);
        foreach (var group in methods)
        {
            var operation = table[group.Key];
            if (group.Count() > 1)
            {
                throw new InvalidOperationException($"{handlerType.Name} has several methods named {group.Key}; an operation needs exactly one.");
            }

            var method = group.Single();
            CheckSignature(handlerType, operation, method);
            invokers[operation.Name] = OperationInvoker.Create(handlerType, operation, method);
        }

        return invokers;
    }

    /// <summary>The model's operations that have no invoker, sorted.</summary>
    public static IReadOnlyList<string> Unimplemented(ServiceModel model, IReadOnlyDictionary<string, OperationInvoker> invokers) =>
        [.. model.Operations.Keys.Where(op => !invokers.ContainsKey(op)).Order(StringComparer.Ordinal)];

    // The generated table and the embedded model come from the same spec; if they disagree the build is stale.
    private static Dictionary<string, OperationDescriptor> CheckTable(ServiceModel model, IReadOnlyList<OperationDescriptor> operations)
    {
        var table = operations.ToDictionary(o => o.Name, StringComparer.Ordinal);
        foreach (var (name, operation) in model.Operations)
        {
            if (!table.TryGetValue(name, out var descriptor))
            {
                throw new InvalidOperationException($"The operation table has no {name}, which model '{model.Name}' declares: regenerate the code.");
            }

            if (descriptor.InputType.Name != (operation.Input?.Name ?? nameof(EmptyStructure))
                || descriptor.OutputType.Name != (operation.Output?.Name ?? nameof(EmptyStructure)))
            {
                throw new InvalidOperationException($"The operation table's types for {name} do not match model '{model.Name}': regenerate the code.");
            }
        }

        if (table.Keys.FirstOrDefault(name => !model.Operations.ContainsKey(name)) is { } extra)
        {
            throw new InvalidOperationException($"The operation table has {extra}, which model '{model.Name}' does not declare.");
        }

        return table;
    }

    private static void CheckSignature(Type handlerType, OperationDescriptor operation, MethodInfo method)
    {
        var parameters = method.GetParameters();
        var expectedReturn = typeof(Task<>).MakeGenericType(operation.OutputType);
        if (method.IsGenericMethodDefinition
            || parameters.Length != 2
            || parameters[0].ParameterType != operation.InputType
            || parameters[1].ParameterType != typeof(CancellationToken)
            || method.ReturnType != expectedReturn)
        {
            throw new InvalidOperationException(
                $"{handlerType.Name}.{method.Name} must be declared as " +
                $"public Task<{operation.OutputType.Name}> {operation.Name}({operation.InputType.Name} request, CancellationToken cancellationToken).");
        }
    }
}
